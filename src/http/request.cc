#include "http/request.h"

#include <boost/url/parse.hpp>

namespace kc::http {

std::optional<std::string> Request::header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers)
    if (k == lower_name) return v;
  return std::nullopt;
}

std::optional<std::string> Request::last_header(std::string_view lower_name) const {
  std::optional<std::string> found;
  for (const auto& [k, v] : headers)
    if (k == lower_name) found = v;
  return found;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  for (const auto& [k, v] : query)
    if (k == name) return v;
  return std::nullopt;
}

Result<std::pair<std::string, Fields>> parse_target(std::string_view target) {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return Error::invalid("target", "The request target is not a valid path.", "bad_request");
  std::string path = parsed->path();  // decoded
  for (unsigned char c : path)
    if (c < 0x20 || c == 0x7f) return Error::invalid("target", "The path holds control characters.", "bad_request");
  std::string_view p = path;
  if (p == "/.." || p.find("/../") != std::string_view::npos || (p.size() >= 3 && p.substr(p.size() - 3) == "/.."))
    return Error::invalid("target", "The path may not contain \"..\".", "bad_request");
  Fields query;
  for (auto param : parsed->params()) query.emplace_back(std::string(param.key), std::string(param.value));
  return std::pair{std::move(path), std::move(query)};
}

std::string forwarded_client(std::string_view header) {
  auto comma = header.rfind(',');
  auto last = comma == std::string_view::npos ? header : header.substr(comma + 1);
  while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
  while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
  return std::string(last.substr(0, 64));
}

std::optional<std::string> cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    auto semi = header.find(';');
    auto part = header.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    header.remove_prefix(semi + 1);
  }
  return std::nullopt;
}

}  // namespace kc::http
