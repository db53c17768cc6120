// The clinic's eligibility rule settings as versioned data (domain/eligibility_rules.h):
// seeded from the release's defaults as version 1 on first use; the medical director
// (admin or prescriber: eligibility.rules) publishes a new version with a reason.
// Screening evaluates with the clinic's current version, and a decision keeps its
// label. Publishing does not mark existing decisions for re-screening; each keeps the
// version it was made under.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/ports.h"
#include "app/store.h"
#include "domain/eligibility_rules.h"
#include "domain/result.h"

namespace kc::app {

/// The clinic's current rules. When the clinic has none stored, stores version 1 (the
/// release's defaults) in `tx` and audits it as the system. REQUIRES: a write transaction.
EligibilityRules clinic_eligibility_rules(Transaction& tx, AuditLog& audit, const ClinicId& clinic,
                                          std::int64_t now_ms);

struct EligibilityRulesView {
  EligibilityRules current;
  std::vector<EligibilityRulesRow> versions;  // newest first; published_by holds the e-mail
};

struct RulesChange {
  std::map<std::string, std::string> rules;  // rule id -> exclude | needs_review | supports | off
  std::string reason;
  bool acknowledge_contraindication = false;
};

class EligibilityRulesService {
 public:
  EligibilityRulesService(Store& store, Crypto& crypto, const Clock& clock)
      : store_(store), clock_(clock), audit_(crypto, clock) {}

  /// Every staff role may read the rules (patients.read); audited.
  Result<EligibilityRulesView> view(const Caller& caller);
  /// Publishes the next version (eligibility.rules). The reason is required (at most
  /// 2000 characters); errors of the change name "rules.<id>", "rules" or
  /// "acknowledge_contraindication"; a concurrent publication is a conflict
  /// (rules_changed). Audited as eligibility.rules.publish.
  Result<EligibilityRulesView> publish(const Caller& caller, const RulesChange& change);

 private:
  Store& store_;
  const Clock& clock_;
  AuditLog audit_;
};

}  // namespace kc::app
