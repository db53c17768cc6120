// Waiting lists: programs with places, people waiting, offers that expire and pass
// on, urgent entries first. After every change (and on a periodic sweep) the
// program is reconciled: lapsed offers expire and free places are offered, each
// with a message to the person in the outbox. Every change is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/ports.h"
#include "app/rate_limiter.h"
#include "app/store.h"
#include "domain/result.h"
#include "domain/waiting_list.h"

namespace kc::app {

struct NewEntry {
  std::string given_name, family_name, email, phone, preferred_contact;
  std::string pregnant = "unknown", substance_use = "unknown", high_blood_pressure = "unknown";
  std::optional<int> age_years;
  bool consent_to_contact = false;
};

class WaitingListService {
 public:
  WaitingListService(Store& store, Crypto& crypto, const Clock& clock, RateLimiter& limiter)
      : store_(store), crypto_(crypto), clock_(clock), audit_(crypto, clock), limiter_(limiter) {}

  Result<std::vector<ProgramRow>> programs(const Caller& caller);
  Result<ProgramRow> create_program(const Caller& caller, const std::string& name, int capacity, int offer_hours);
  Result<ProgramRow> update_program(const Caller& caller, const std::string& id, int capacity, int offer_hours);

  /// `all`: also scheduled and removed entries. Reconciles the program first.
  Result<std::vector<EntryRow>> entries(const Caller& caller, const std::string& program_id, bool all);
  Result<EntryRow> add_by_staff(const Caller& caller, const std::string& program_id, const NewEntry& input);
  /// From the public page: answered the same whatever happened (see EnquiryService).
  Status join_public(const std::string& clinic_id, const std::string& program_id, const NewEntry& input,
                     const std::string& honeypot, const std::string& client_address);
  Result<EntryRow> act(const Caller& caller, const std::string& entry_id, const std::string& action,
                       const std::string& reason);

  /// The programs a public page lists (id and name).
  std::vector<ProgramRow> public_programs(const std::string& clinic_id);
  /// Reconciles every program of every clinic (expired offers pass on).
  void sweep();

  /// The actions `caller` may take on `entry` now.
  static std::vector<EntryAction> allowed_actions(const Caller& caller, const EntryRow& entry);

 private:
  Result<EntryRow> validate(const NewEntry& input, bool needs_consent);
  /// Applies the offer plan to one program inside `tx`.
  void reconcile(Transaction& tx, const Caller& caller, const ProgramRow& program);
  void message(Transaction& tx, const EntryRow& e, const std::string& subject, const std::string& body);

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog audit_;
  RateLimiter& limiter_;
};

}  // namespace kc::app
