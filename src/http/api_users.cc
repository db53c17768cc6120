// The /users routes: the clinic's staff accounts.
#include "http/api_handlers.h"
#include "http/json_codec.h"

namespace kc::http::handlers {
namespace {

Response user_answer(Call& call, int status, const Result<app::UserRow>& user) {
  if (!user) return error_response(user.error());
  return json_response(status, to_json(*user, nullptr, call.api.services().clock.now_ms()));
}

}  // namespace

Response list_users(Call& call) {
  auto limit = limit_param(call.request, 50, 200);
  if (!limit) return error_response(limit.error());
  auto page = call.api.services().users.list(*call.caller, call.request.query_param("cursor").value_or(""), *limit);
  if (!page) return error_response(page.error());
  json::array items;
  const auto now = call.api.services().clock.now_ms();
  for (const auto& u : page->items) items.push_back(to_json(u, nullptr, now));
  json::value next = page->next_cursor ? json::value(*page->next_cursor) : json::value(nullptr);
  return json_response(200, json::object{{"items", std::move(items)}, {"next_cursor", next}});
}

Response add_user(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  app::NewUser input;
  for (auto [name, target] : {std::pair{"email", &input.email}, std::pair{"display_name", &input.display_name},
                              std::pair{"password", &input.password}}) {
    auto v = string_field(*body, name);
    if (!v) return error_response(v.error());
    *target = std::move(v.value());
  }
  auto roles = string_list_field(*body, "roles");
  if (!roles) return error_response(roles.error());
  input.roles = std::move(roles.value());
  return user_answer(call, 201, call.api.services().users.add(*call.caller, input));
}

Response disable_user(Call& call) {
  return user_answer(call, 200, call.api.services().users.set_disabled(*call.caller, call.params[0], true));
}

Response enable_user(Call& call) {
  return user_answer(call, 200, call.api.services().users.set_disabled(*call.caller, call.params[0], false));
}

Response reset_password(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto password = string_field(*body, "new_password");
  if (!password) return error_response(password.error());
  auto result = call.api.services().users.reset_password(*call.caller, call.params[0], *password);
  if (!result) return error_response(result.error());
  Response r;
  r.status = 204;
  return r;
}

}  // namespace kc::http::handlers
