// GET /api/v1/live: who may open the live WebSocket (src/live). The upgrade itself
// is the server's (src/http/server.cc); this decides only who is asking.
#include "http/api.h"
#include "http/request.h"

namespace kc::http {

Result<app::Caller> Api::live_caller(const Request& request) {
  auto auth = request.header("authorization");
  const bool bearer = auth && auth->rfind("Bearer ", 0) == 0;
  auto origin = request.header("origin");
  // A browser sends its page's Origin on every WebSocket handshake, and the session
  // cookie rides along from any site: so a cookie counts only from our own pages
  // (cross-site WebSocket hijacking). A bearer token is never sent by a browser on
  // its own, so a client using one may omit the Origin.
  if (origin ? *origin != expected_origin(request) : !bearer)
    return Error{ErrorKind::forbidden, "csrf_failed", "The live connection must come from the clinic's own pages.", {}};
  const std::string token =
      bearer ? auth->substr(7) : cookie_value(request.header("cookie").value_or(""), "kc_session").value_or("");
  return services_.auth.authenticate(token, request.client_address);
}

}  // namespace kc::http
