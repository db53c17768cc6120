// The clinic's eligibility rule settings: GET /eligibility-rules (each rule with its
// source, default and current outcome, and the version history) and POST to publish
// a new version.
#include "domain/time.h"
#include "http/api_handlers.h"
#include "http/json_codec.h"

namespace kc::http::handlers {
namespace {

app::EligibilityRulesService& rules_service(Call& call) { return call.api.services().eligibility_rules; }

/// What a rule may be set to (the domain refuses anything else).
json::array allowed_settings(RuleGroup group) {
  switch (group) {
    case RuleGroup::contraindication:
      return {"exclude", "needs_review"};
    case RuleGroup::warning:
      return {"exclude", "needs_review", "off"};
    case RuleGroup::support:
      return {"supports", "needs_review"};
  }
  return {};
}

std::string setting_text(const RuleSetting& s) { return s.enabled ? std::string(to_string(s.outcome)) : "off"; }

json::object to_json(const app::EligibilityRulesView& view) {
  json::array rules;
  for (const auto& r : eligibility_rule_catalogue())
    rules.push_back(json::object{{"rule", r.rule},
                                 {"label", r.label},
                                 {"source", r.source},
                                 {"group", to_string(r.group)},
                                 {"default", to_string(r.default_outcome)},
                                 {"setting", setting_text(view.current.setting(r))},
                                 {"allowed", allowed_settings(r.group)}});
  json::array versions;
  for (const auto& v : view.versions) {
    EligibilityRules rules_of_version{v.version, decode_rule_settings(v.settings)};
    json::object changed;
    for (const auto& [id, s] : rules_of_version.changed) changed[id] = setting_text(s);
    versions.push_back(json::object{{"version", v.version},
                                    {"label", rule_set_label(rules_of_version)},
                                    {"changed", std::move(changed)},
                                    {"reason", v.reason},
                                    {"published_at", format_iso8601(v.published_ms)},
                                    {"published_by", v.published_by}});
  }
  return {{"version", view.current.version},
          {"label", rule_set_label(view.current)},
          {"release", kRuleSetVersion},
          {"rules", std::move(rules)},
          {"versions", std::move(versions)}};
}

}  // namespace

Response get_eligibility_rules(Call& call) {
  auto view = rules_service(call).view(*call.caller);
  if (!view) return error_response(view.error());
  return json_response(200, to_json(*view));
}

Response publish_eligibility_rules(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  app::RulesChange change;
  auto reason = string_field(*body, "reason");
  if (!reason) return error_response(reason.error());
  change.reason = *reason;
  auto rules = body->find("rules");
  if (rules == body->end() || !rules->value().is_object())
    return error_response(Error::invalid("rules", "rules must be an object of rule ids and settings."));
  for (const auto& [id, value] : rules->value().as_object()) {
    const std::string field = "rules." + std::string(id).substr(0, 60);
    if (!value.is_string()) return error_response(Error::invalid(field, field + " must be a string."));
    change.rules[std::string(id)] = std::string(value.as_string());
  }
  if (auto ack = body->find("acknowledge_contraindication"); ack != body->end() && !ack->value().is_null()) {
    if (!ack->value().is_bool())
      return error_response(
          Error::invalid("acknowledge_contraindication", "acknowledge_contraindication must be true or false."));
    change.acknowledge_contraindication = ack->value().as_bool();
  }
  auto view = rules_service(call).publish(*call.caller, change);
  if (!view) return error_response(view.error());
  return json_response(201, to_json(*view));
}

}  // namespace kc::http::handlers
