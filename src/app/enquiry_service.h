// Consultation requests: the public form, phone enquiries taken by staff, and the
// front desk's queue. Every change and every read of a request is audited.
//
// Thread-safe.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/ports.h"
#include "app/rate_limiter.h"
#include "app/store.h"
#include "domain/enquiry.h"

namespace kc::app {

struct EnquiryPage {
  std::vector<EnquiryRow> items;
  std::optional<std::string> next_cursor;
};

struct EnquiryDetail {
  EnquiryRow enquiry;
  std::vector<EnquiryRow> linked;
  std::vector<EnquiryEventRow> history;
};

class EnquiryService {
 public:
  EnquiryService(Store& store, Crypto& crypto, const Clock& clock, EnquiryPolicy policy, RateLimiter& limiter)
      : store_(store), crypto_(crypto), clock_(clock), policy_(policy), audit_(crypto, clock), limiter_(limiter) {}

  /// The clinic a public page names (its id and name only).
  Result<ClinicRow> public_clinic(const std::string& clinic_id);

  /// A request from the public form. Answers the same whether it was stored, linked
  /// to an earlier request or dropped as a bot's (the honeypot `website` filled), so
  /// the form tells nobody what the clinic already knows.
  Status submit_public(const std::string& clinic_id, const EnquiryInput& input, const std::string& honeypot,
                       const std::string& client_address);

  /// A phone enquiry entered by staff.
  Result<EnquiryRow> create_by_staff(const Caller& caller, const EnquiryInput& input);

  /// `status` empty: every open enquiry; "open" too; otherwise one status.
  Result<EnquiryPage> list(const Caller& caller, const std::string& status, const std::string& cursor, int limit);
  Result<EnquiryDetail> get(const Caller& caller, const std::string& id);
  /// Registers the person of an enquiry as a patient: names, phone and e-mail come
  /// from the enquiry, the date of birth from the front desk. One patient per enquiry.
  Result<EnquiryRow> register_patient(const Caller& caller, const std::string& id, const std::string& date_of_birth);

  Result<EnquiryRow> change_status(const Caller& caller, const std::string& id, const std::string& status,
                                   const std::string& reason);

 private:
  Result<EnquiryRow> record(Transaction& tx, const Caller& caller, const Enquiry& e, EnquirySource source);

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  EnquiryPolicy policy_;
  AuditLog audit_;
  RateLimiter& limiter_;
};

}  // namespace kc::app
