#include "app/eligibility_rules_service.h"

#include "domain/validation.h"

namespace kc::app {
namespace {

constexpr std::string_view kEntity = "eligibility_rules";

EligibilityRules rules_of(const EligibilityRulesRow& row) { return {row.version, decode_rule_settings(row.settings)}; }

}  // namespace

EligibilityRules clinic_eligibility_rules(Transaction& tx, AuditLog& audit, const ClinicId& clinic,
                                          std::int64_t now_ms) {
  auto versions = tx.eligibility_rule_versions(clinic);
  if (!versions.empty()) return rules_of(versions.front());
  EligibilityRules seeded{1, {}};
  EligibilityRulesRow row{
      clinic.value, 1,     encode_rule_settings(seeded), "Seeded from the defaults of " + std::string(kRuleSetVersion),
      "system",     now_ms};
  // A concurrent first use may have seeded it meanwhile: either way version 1 holds the defaults.
  if (tx.insert_eligibility_rules(row))
    audit.record(tx, Caller::system(clinic, "eligibility-rules"), "eligibility.rules.seed", kEntity,
                 rule_set_label(seeded));
  return seeded;
}

Result<EligibilityRulesView> EligibilityRulesService::view(const Caller& caller) {
  if (!caller.can(Action::patients_read)) {
    audit_.record_denied(store_, caller, "eligibility.rules.read", kEntity, "");
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  EligibilityRulesView view{clinic_eligibility_rules(*tx, audit_, caller.clinic, clock_.now_ms()), {}};
  view.versions = tx->eligibility_rule_versions(caller.clinic);
  audit_.record(*tx, caller, "eligibility.rules.read", kEntity, rule_set_label(view.current));
  tx->commit();
  return view;
}

Result<EligibilityRulesView> EligibilityRulesService::publish(const Caller& caller, const RulesChange& change) {
  if (!caller.can(Action::eligibility_rules)) {
    audit_.record_denied(store_, caller, "eligibility.rules.publish", kEntity, "");
    return Error::forbidden();
  }
  auto reason = required_text("reason", change.reason, 2000);
  if (!reason) return reason.error();
  auto tx = store_.begin(Store::Mode::write);
  const auto current = clinic_eligibility_rules(*tx, audit_, caller.clinic, clock_.now_ms());
  auto next = change_rules(current, change.rules, change.acknowledge_contraindication);
  if (!next) return next.error();
  EligibilityRulesRow row{caller.clinic.value, next->version,  encode_rule_settings(*next), *reason,
                          caller.user_id,      clock_.now_ms()};
  if (!tx->insert_eligibility_rules(row))
    return Error::conflict("rules_changed", "Someone else published a new version meanwhile: review it and try again.");
  audit_.record(*tx, caller, "eligibility.rules.publish", kEntity, rule_set_label(*next));
  EligibilityRulesView view{*next, tx->eligibility_rule_versions(caller.clinic)};
  tx->commit();
  return view;
}

}  // namespace kc::app
