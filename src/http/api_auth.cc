// Health, metrics, and the /auth routes.
#include <charconv>

#include "http/api_handlers.h"
#include "http/json_codec.h"

namespace kc::http::handlers {
namespace {

constexpr const char* kCookie = "kc_session";

std::string session_cookie(const Api& api, const std::string& token, std::int64_t max_age_s) {
  std::string c =
      std::string(kCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_s);
  if (api.options().secure_cookies) c += "; Secure";
  return c;
}

}  // namespace

Result<int> limit_param(const Request& request, int fallback, int max) {
  auto text = request.query_param("limit");
  if (!text) return fallback;
  int value = 0;
  auto r = std::from_chars(text->data(), text->data() + text->size(), value);
  if (r.ec != std::errc{} || r.ptr != text->data() + text->size() || value < 1 || value > max)
    return Error::invalid("limit", "limit must be a whole number from 1 to " + std::to_string(max) + ".");
  return value;
}

Response healthz(Call&) { return json_response(200, json::object{{"status", "ok"}}); }

Response readyz(Call& call) {
  if (call.api.services().store.ping()) return json_response(200, json::object{{"status", "ready"}});
  return error_response({ErrorKind::unavailable, "store_unavailable", "The database does not answer.", {}});
}

Response metrics(Call& call) {
  Response r;
  r.content_type = "text/plain; version=0.0.4";
  r.body = call.api.services().metrics.render();
  return r;
}

Response login(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto email = string_field(*body, "email");
  if (!email) return error_response(email.error());
  auto password = string_field(*body, "password");
  if (!password) return error_response(password.error());
  auto delivery = string_field(*body, "token_delivery", false);
  if (!delivery) return error_response(delivery.error());
  if (!delivery->empty() && *delivery != "cookie" && *delivery != "bearer")
    return error_response(Error::invalid("token_delivery", "token_delivery must be \"cookie\" or \"bearer\"."));

  auto result = call.api.services().auth.login(*email, *password, call.request.client_address);
  if (!result) return error_response(result.error());
  json::object out = to_json(result->info, call.api.services().clock.now_ms());
  Response r;
  if (*delivery == "bearer") {
    out["token"] = result->token;  // for API clients, which send it as "Authorization: Bearer"
    r = json_response(200, out);
  } else {
    r = json_response(200, out);
    r.set("Set-Cookie",
          session_cookie(call.api, result->token, call.api.services().auth.policy().session_absolute_ms / 1000));
  }
  return r;
}

Response logout(Call& call) {
  auto result = call.api.services().auth.logout(*call.caller);
  if (!result) return error_response(result.error());
  Response r;
  r.status = 204;
  r.content_type = "application/json";
  r.set("Set-Cookie", session_cookie(call.api, "", 0));
  return r;
}

Response me(Call& call) {
  auto info = call.api.services().auth.me(*call.caller);
  if (!info) return error_response(info.error());
  return json_response(200, to_json(*info, call.api.services().clock.now_ms()));
}

Response change_password(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto current = string_field(*body, "current_password");
  if (!current) return error_response(current.error());
  auto next = string_field(*body, "new_password");
  if (!next) return error_response(next.error());
  auto result = call.api.services().auth.change_password(*call.caller, *current, *next);
  if (!result) return error_response(result.error());
  Response r;
  r.status = 204;
  r.set("Set-Cookie", session_cookie(call.api, "", 0));
  return r;
}

}  // namespace kc::http::handlers
