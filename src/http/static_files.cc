#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kc::http {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string content_type_for(const std::string& path) {
  static const std::pair<std::string_view, std::string_view> types[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
  };
  for (const auto& [ext, type] : types)
    if (ends_with(path, ext)) return std::string(type);
  return "application/octet-stream";
}

std::optional<std::string> StaticFiles::read(const std::string& relative) const {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path full = fs::path(root_) / relative;
  if (!fs::is_regular_file(full, ec)) return std::nullopt;
  std::ifstream in(full, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::optional<Response> StaticFiles::serve(const std::string& path) const {
  std::string relative = path.size() > 1 ? path.substr(1) : "index.html";
  auto last_slash = relative.rfind('/');
  std::string last = last_slash == std::string::npos ? relative : relative.substr(last_slash + 1);
  Response r;
  r.route = "GET /static";
  if (auto body = read(relative); body && last.find('.') != std::string::npos) {
    r.body = std::move(*body);
    r.content_type = content_type_for(relative);
    // Vite names every file under assets/ by its content hash.
    r.set("Cache-Control", relative.rfind("assets/", 0) == 0 ? "public, max-age=31536000, immutable" : "no-cache");
    return r;
  }
  if (last.find('.') != std::string::npos) return std::nullopt;  // a missing file: 404, not the app
  auto index = read("index.html");
  if (!index) return std::nullopt;
  r.body = std::move(*index);
  r.content_type = "text/html; charset=utf-8";
  r.set("Cache-Control", "no-cache");
  return r;
}

}  // namespace kc::http
