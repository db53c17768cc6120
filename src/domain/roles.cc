#include "domain/roles.h"

#include <algorithm>
#include <array>
#include <utility>

namespace kc {
namespace {

constexpr std::array kRoleNames = {
    std::pair{Role::admin, std::string_view{"admin"}},
    std::pair{Role::prescriber, std::string_view{"prescriber"}},
    std::pair{Role::nurse, std::string_view{"nurse"}},
    std::pair{Role::therapist, std::string_view{"therapist"}},
    std::pair{Role::front_desk, std::string_view{"front_desk"}},
    std::pair{Role::device, std::string_view{"device"}},
};

constexpr std::array kAllRoles = {Role::admin,     Role::prescriber, Role::nurse,
                                  Role::therapist, Role::front_desk, Role::device};

struct Grant {
  Role role;
  Action action;
};

// The permission table. Reading patients is open to every clinical role and the front
// desk (registration needs it); account and audit administration is the admin's.
// The enquiry queue is the front desk's: clinicians may read it, not work it; a
// therapist sees people only once they are patients. Clinical history is recorded by
// clinicians (and the medical director); only a prescriber decides eligibility.
constexpr std::array kGrants = {
    Grant{Role::admin, Action::users_read},
    Grant{Role::admin, Action::users_manage},
    Grant{Role::admin, Action::audit_read},
    Grant{Role::admin, Action::patients_read},
    Grant{Role::admin, Action::patients_write},
    Grant{Role::admin, Action::enquiries_read},
    Grant{Role::admin, Action::enquiries_write},
    Grant{Role::prescriber, Action::patients_read},
    Grant{Role::prescriber, Action::patients_write},
    Grant{Role::prescriber, Action::enquiries_read},
    Grant{Role::nurse, Action::patients_read},
    Grant{Role::nurse, Action::patients_write},
    Grant{Role::nurse, Action::enquiries_read},
    Grant{Role::therapist, Action::patients_read},
    Grant{Role::front_desk, Action::patients_read},
    Grant{Role::front_desk, Action::patients_write},
    Grant{Role::front_desk, Action::enquiries_read},
    Grant{Role::front_desk, Action::enquiries_write},
    Grant{Role::admin, Action::history_write},
    Grant{Role::prescriber, Action::history_write},
    Grant{Role::nurse, Action::history_write},
    Grant{Role::prescriber, Action::eligibility_decide},
    Grant{Role::admin, Action::eligibility_rules},
    Grant{Role::prescriber, Action::eligibility_rules},
    Grant{Role::admin, Action::waiting_read},
    Grant{Role::admin, Action::waiting_manage},
    Grant{Role::admin, Action::waiting_write},
    Grant{Role::front_desk, Action::waiting_read},
    Grant{Role::front_desk, Action::waiting_write},
    Grant{Role::prescriber, Action::waiting_read},
    Grant{Role::prescriber, Action::waiting_clinical},
    Grant{Role::nurse, Action::waiting_read},
    Grant{Role::nurse, Action::waiting_clinical},
    // Measurement-based care is clinical: every clinical role reads and records it;
    // the front desk does not see questionnaire answers. The medical director (admin)
    // sets the clinic's measurement and escalation settings.
    Grant{Role::admin, Action::measures_read},
    Grant{Role::admin, Action::measures_write},
    Grant{Role::prescriber, Action::measures_read},
    Grant{Role::prescriber, Action::measures_write},
    Grant{Role::nurse, Action::measures_read},
    Grant{Role::nurse, Action::measures_write},
    Grant{Role::therapist, Action::measures_read},
    Grant{Role::therapist, Action::measures_write},
    // Consent: everyone who works with patients reads consents (the front desk hands
    // the tablet over, so it reads them too); the medical director (admin) and
    // prescribers write the documents; clinicians countersign; a prescriber alone
    // accepts an older major version.
    Grant{Role::admin, Action::consent_read},
    Grant{Role::prescriber, Action::consent_read},
    Grant{Role::nurse, Action::consent_read},
    Grant{Role::therapist, Action::consent_read},
    Grant{Role::front_desk, Action::consent_read},
    Grant{Role::admin, Action::consent_author},
    Grant{Role::prescriber, Action::consent_author},
    Grant{Role::admin, Action::consent_sign},
    Grant{Role::prescriber, Action::consent_sign},
    Grant{Role::nurse, Action::consent_sign},
    Grant{Role::front_desk, Action::consent_sign},
    Grant{Role::prescriber, Action::consent_countersign},
    Grant{Role::nurse, Action::consent_countersign},
    Grant{Role::admin, Action::consent_withdraw},
    Grant{Role::prescriber, Action::consent_withdraw},
    Grant{Role::nurse, Action::consent_withdraw},
    Grant{Role::prescriber, Action::consent_accept_version},
    // Every clinical role reads plans (a therapist works to the plan's goals); only a
    // prescriber signs a plan or a new version of it.
    Grant{Role::admin, Action::plans_read},
    Grant{Role::prescriber, Action::plans_read},
    Grant{Role::nurse, Action::plans_read},
    Grant{Role::therapist, Action::plans_read},
    Grant{Role::prescriber, Action::plans_write},
    // Dosing is clinical: the medical director (admin) and clinicians read it; only a
    // prescriber orders; a prescriber or a nurse double-checks another's order.
    Grant{Role::admin, Action::dose_read},
    Grant{Role::prescriber, Action::dose_read},
    Grant{Role::nurse, Action::dose_read},
    Grant{Role::prescriber, Action::dose_order},
    Grant{Role::prescriber, Action::dose_check},
    Grant{Role::nurse, Action::dose_check},
    // Every staff role sees the calendar; the therapist does not book (the brief's
    // list: admin, front desk, prescriber, nurse). Rooms and settings: the admin.
    Grant{Role::admin, Action::calendar_read},
    Grant{Role::prescriber, Action::calendar_read},
    Grant{Role::nurse, Action::calendar_read},
    Grant{Role::therapist, Action::calendar_read},
    Grant{Role::front_desk, Action::calendar_read},
    Grant{Role::admin, Action::calendar_write},
    Grant{Role::front_desk, Action::calendar_write},
    Grant{Role::prescriber, Action::calendar_write},
    Grant{Role::nurse, Action::calendar_write},
    Grant{Role::admin, Action::calendar_manage},
    Grant{Role::admin, Action::settings_manage},
    // The monitored session: every clinical role and the medical director follow it;
    // nurses and prescribers run it; only a prescriber overrides the discharge gates;
    // the therapist writes the integration note. A device gateway only posts readings.
    Grant{Role::admin, Action::sessions_read},
    Grant{Role::prescriber, Action::sessions_read},
    Grant{Role::nurse, Action::sessions_read},
    Grant{Role::therapist, Action::sessions_read},
    Grant{Role::prescriber, Action::sessions_run},
    Grant{Role::nurse, Action::sessions_run},
    Grant{Role::prescriber, Action::sessions_override},
    Grant{Role::therapist, Action::session_notes_write},
    Grant{Role::prescriber, Action::session_notes_write},
    Grant{Role::nurse, Action::session_notes_write},
    Grant{Role::prescriber, Action::vitals_record},
    Grant{Role::nurse, Action::vitals_record},
    Grant{Role::device, Action::vitals_record},
    Grant{Role::admin, Action::outcomes_read},
    Grant{Role::prescriber, Action::outcomes_read},
    Grant{Role::nurse, Action::outcomes_read},
    Grant{Role::therapist, Action::outcomes_read},
    Grant{Role::prescriber, Action::follow_up_write},
    Grant{Role::nurse, Action::follow_up_write},
    Grant{Role::therapist, Action::follow_up_write},
    Grant{Role::admin, Action::dashboards_read},
    Grant{Role::prescriber, Action::dashboards_read},
    Grant{Role::admin, Action::research_export},
};

}  // namespace

std::string_view to_string(Role role) {
  for (const auto& [r, name] : kRoleNames)
    if (r == role) return name;
  return "unknown";
}

std::optional<Role> parse_role(std::string_view name) {
  for (const auto& [r, n] : kRoleNames)
    if (n == name) return r;
  return std::nullopt;
}

std::string_view to_string(Action action) {
  switch (action) {
    case Action::users_read:
      return "users.read";
    case Action::users_manage:
      return "users.manage";
    case Action::audit_read:
      return "audit.read";
    case Action::patients_read:
      return "patients.read";
    case Action::patients_write:
      return "patients.write";
    case Action::enquiries_read:
      return "enquiries.read";
    case Action::enquiries_write:
      return "enquiries.write";
    case Action::history_write:
      return "history.write";
    case Action::eligibility_decide:
      return "eligibility.decide";
    case Action::eligibility_rules:
      return "eligibility.rules";
    case Action::waiting_read:
      return "waiting.read";
    case Action::waiting_manage:
      return "waiting.manage";
    case Action::waiting_write:
      return "waiting.write";
    case Action::waiting_clinical:
      return "waiting.clinical";
    case Action::measures_read:
      return "measures.read";
    case Action::measures_write:
      return "measures.write";
    case Action::consent_read:
      return "consent.read";
    case Action::consent_author:
      return "consent.author";
    case Action::consent_sign:
      return "consent.sign";
    case Action::consent_countersign:
      return "consent.countersign";
    case Action::consent_withdraw:
      return "consent.withdraw";
    case Action::consent_accept_version:
      return "consent.accept_version";
    case Action::plans_read:
      return "plans.read";
    case Action::plans_write:
      return "plans.write";
    case Action::dose_read:
      return "dose.read";
    case Action::dose_order:
      return "dose.order";
    case Action::dose_check:
      return "dose.check";
    case Action::calendar_read:
      return "calendar.read";
    case Action::calendar_write:
      return "calendar.write";
    case Action::calendar_manage:
      return "calendar.manage";
    case Action::settings_manage:
      return "settings.manage";
    case Action::sessions_read:
      return "sessions.read";
    case Action::sessions_run:
      return "sessions.run";
    case Action::sessions_override:
      return "sessions.override";
    case Action::session_notes_write:
      return "session_notes.write";
    case Action::vitals_record:
      return "vitals.record";
    case Action::outcomes_read:
      return "outcomes.read";
    case Action::follow_up_write:
      return "follow_up.write";
    case Action::dashboards_read:
      return "dashboards.read";
    case Action::research_export:
      return "research.export";
  }
  return "unknown";
}

bool has_role(std::span<const Role> roles, Role role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool allowed(std::span<const Role> roles, Action action) {
  return std::any_of(kGrants.begin(), kGrants.end(), [&](const Grant& g) {
    return g.action == action && std::find(roles.begin(), roles.end(), g.role) != roles.end();
  });
}

std::span<const Role> all_roles() { return kAllRoles; }

std::string join_roles(std::span<const Role> roles) {
  std::string out;
  for (Role r : all_roles()) {
    if (std::find(roles.begin(), roles.end(), r) == roles.end()) continue;
    if (!out.empty()) out += ',';
    out += to_string(r);
  }
  return out;
}

std::vector<Role> split_roles(std::string_view joined) {
  std::vector<Role> out;
  while (!joined.empty()) {
    auto comma = joined.find(',');
    auto name = joined.substr(0, comma);
    if (auto r = parse_role(name)) out.push_back(*r);
    if (comma == std::string_view::npos) break;
    joined.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace kc
