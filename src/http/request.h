// The HTTP request and response as the API sees them: plain values, independent of
// Beast, so that handlers compile fast and can be driven by tests and fuzzers.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/result.h"

namespace kc::http {

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // upper case, e.g. "GET"
  std::string target;  // as received: path and query
  std::string path;    // percent-decoded path without the query
  Fields query;        // decoded query parameters in order
  Fields headers;      // names lower-cased
  std::string body;
  std::string client_address;

  std::optional<std::string> header(std::string_view lower_name) const;
  /// The last line of a header that may appear more than once.
  std::optional<std::string> last_header(std::string_view lower_name) const;
  std::optional<std::string> query_param(std::string_view name) const;
};

struct Response;
/// Delivers a deferred response: call it exactly once, from any thread.
using Respond = std::function<void(Response)>;

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  Fields headers;
  std::string route = "unmatched";  // the route pattern, for metrics and the request log
  bool close = false;               // close the connection after sending
  /// Set: the answer comes later (the fields above are not sent). The server calls
  /// `deferred` once, on a store thread, with a Respond that it keeps the connection
  /// waiting for; the request counts as queued until then (drain waits for it).
  /// Api::handle gives the final response its route and security headers.
  std::function<void(Respond)> deferred;

  void set(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

/// Splits a request target ("/a%20b?x=1") into its decoded path and query.
/// Rejects targets that are not origin-form or whose path holds "..", NUL or
/// control characters.
Result<std::pair<std::string, Fields>> parse_target(std::string_view target);

/// The client address our reverse proxy saw: the last X-Forwarded-For entry
/// (earlier entries come from the client and can be forged).
std::string forwarded_client(std::string_view x_forwarded_for);

/// The value of one cookie in a Cookie header, if present.
std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name);

}  // namespace kc::http
