// Consultation requests ("enquiries"): what a person or the front desk may submit,
// how a request moves through the front desk's queue, when a second request is the
// same person asking again, and how many requests one address may send.
//
// The settings are the clinic's (EnquiryPolicy); times are epoch milliseconds.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace kc {

enum class EnquiryStatus { received, contacted, consultation_booked, closed };
enum class ContactMethod { email, phone, text };
enum class EnquirySource { web, phone };

std::string_view to_string(EnquiryStatus s);
std::optional<EnquiryStatus> parse_enquiry_status(std::string_view text);
std::string_view to_string(ContactMethod m);
std::optional<ContactMethod> parse_contact_method(std::string_view text);
std::string_view to_string(EnquirySource s);

struct ConditionChoice {
  std::string_view code, label;
};

/// What a person may tick as the reason for asking: the candidate indications of the
/// clinical reference (§4 "Supports candidacy"), in plain words, plus "other".
const std::array<ConditionChoice, 8>& enquiry_conditions();

struct EnquiryPolicy {
  std::int64_t duplicate_window_ms = 30LL * 24 * 3600 * 1000;  // Default: 30 days (foundation of issue 3)
  int requests_per_address_per_hour = 5;                       // public form abuse limit
};

struct EnquiryInput {
  std::string given_name, family_name, email, phone, preferred_contact;
  std::vector<std::string> conditions;
  std::string reason_text, heard_from;
  bool consent_to_contact = false;
};

struct Enquiry {
  std::string given_name, family_name, email, phone;  // email lower-case; phone digits with optional +
  ContactMethod preferred_contact = ContactMethod::email;
  std::vector<std::string> conditions;  // codes from enquiry_conditions()
  std::string reason_text, heard_from;
  bool consent_to_contact = false;
};

/// Checks and normalises a request. A web request needs consent to be contacted; a
/// phone enquiry taken by staff records consent as given on the call. At least one of
/// e-mail and phone is needed, and the preferred method must have its detail.
Result<Enquiry> validate_enquiry(const EnquiryInput& input, EnquirySource source);

/// "+44 20 7946-0958" -> "+442079460958": 7 to 15 digits (E.164), an optional leading +.
Result<std::string> normalized_phone(std::string_view field, std::string_view text);

/// The front desk's steps: received -> contacted -> consultation booked, and closed
/// (with a reason) from any open status. Closed is final; no step goes back.
Status check_transition(EnquiryStatus from, EnquiryStatus to, std::string_view reason);

/// True when an earlier request at `first_ms` makes one at `now_ms` a repeat.
bool within_duplicate_window(std::int64_t first_ms, std::int64_t now_ms, const EnquiryPolicy& policy);

/// Sliding one-hour window of request times for one client address.
class RequestWindow {
 public:
  /// Records a request at `now_ms` and returns true when it is within the limit.
  bool admit(std::int64_t now_ms, int limit_per_hour);
  /// True when nothing in the window is younger than an hour at `now_ms` (may be dropped).
  bool idle(std::int64_t now_ms) const;

 private:
  std::deque<std::int64_t> times_;
};

}  // namespace kc
