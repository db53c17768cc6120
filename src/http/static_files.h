// Serves the built web app (web/dist): hashed files under /assets/ are cached for a
// year as immutable; index.html is revalidated on every load (no-cache), and is
// returned for every other non-API path so that the app's own routes work on reload.
#pragma once

#include <optional>
#include <string>

#include "http/request.h"

namespace kc::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}
  /// The response for a GET of `path` (decoded, already free of ".."), or nothing
  /// when neither the file nor index.html exists.
  std::optional<Response> serve(const std::string& path) const;

 private:
  std::optional<std::string> read(const std::string& relative) const;
  std::string root_;
};

std::string content_type_for(const std::string& path);

}  // namespace kc::http
