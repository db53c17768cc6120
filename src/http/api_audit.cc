// The /audit route: the clinic's audit trail, newest first, filtered.
#include "domain/time.h"
#include "http/api_handlers.h"
#include "http/json_codec.h"

namespace kc::http::handlers {

Response list_audit(Call& call) {
  const auto& q = call.request;
  auto limit = limit_param(q, 50, 500);
  if (!limit) return error_response(limit.error());
  app::AuditFilter filter;
  filter.limit = *limit;
  filter.action = q.query_param("action").value_or("");
  filter.user_id = q.query_param("user_id").value_or("");
  filter.entity_type = q.query_param("entity_type").value_or("");
  filter.entity_id = q.query_param("entity_id").value_or("");
  for (auto [name, target] : {std::pair{"from", &filter.from_ms}, std::pair{"to", &filter.to_ms}}) {
    auto text = q.query_param(name);
    if (!text || text->empty()) continue;
    auto ms = parse_iso8601(*text);
    if (!ms) return error_response(Error::invalid(name, std::string(name) + " must be an ISO 8601 date or time."));
    *target = *ms;
  }
  auto page = call.api.services().audit.list(*call.caller, filter, q.query_param("cursor").value_or(""));
  if (!page) return error_response(page.error());
  json::array items;
  for (const auto& item : page->items) items.push_back(to_json(item));
  json::value next = page->next_cursor ? json::value(*page->next_cursor) : json::value(nullptr);
  return json_response(200, json::object{{"items", std::move(items)}, {"next_cursor", next}});
}

}  // namespace kc::http::handlers
