#include "app/patient_service.h"

#include <algorithm>

#include "app/cursor.h"
#include "app/ids.h"
#include "domain/patient.h"

namespace kc::app {
namespace {

constexpr char kSep = '\x1f';

}  // namespace

std::string encode_cursor(const PatientCursor& c) { return to_cursor(c.family_key + kSep + c.given_key + kSep + c.id); }

std::optional<PatientCursor> decode_cursor(const std::string& text) {
  auto raw = from_cursor(text);
  if (!raw) return std::nullopt;
  auto a = raw->find(kSep);
  if (a == std::string::npos) return std::nullopt;
  auto b = raw->find(kSep, a + 1);
  if (b == std::string::npos) return std::nullopt;
  return PatientCursor{raw->substr(0, a), raw->substr(a + 1, b - a - 1), raw->substr(b + 1)};
}

PatientQuery patient_query(const std::string& text) {
  PatientQuery q;
  const bool date_shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
  if (date_shaped) {
    if (parse_date(text))
      q.date_of_birth = text;
    else
      q.name_prefix = text;  // an impossible date matches nobody, and is not a phone number
    return q;
  }
  const auto digits = std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool phone_like =
      digits >= 3 && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '+' || c == ' ' || c == '-' || c == '(' || c == ')' || c == '.';
      });
  if (phone_like) {
    for (char c : text)
      if ((c >= '0' && c <= '9') || (c == '+' && q.phone_prefix.empty())) q.phone_prefix += c;
    return q;
  }
  q.name_prefix = search_key(text);
  return q;
}

Result<PatientRow> PatientService::create(const Caller& caller, const NewPatient& input) {
  if (!caller.can(Action::patients_write)) {
    audit_.record_denied(store_, caller, "patient.create", "patient", "");
    return Error::forbidden();
  }
  auto identity =
      validate_patient_identity(input.given_name, input.family_name, input.date_of_birth, date_of(clock_.now_ms()));
  if (!identity) return identity.error();
  PatientRow row{new_id(crypto_, "pat"),
                 caller.clinic.value,
                 identity->given_name,
                 identity->family_name,
                 format_date(identity->date_of_birth),
                 clock_.now_ms()};
  auto tx = store_.begin(Store::Mode::write);
  tx->insert_patient(row);
  audit_.record(*tx, caller, "patient.create", "patient", row.id);
  tx->commit();
  return row;
}

Result<PatientRecord> PatientService::get(const Caller& caller, const std::string& id) {
  if (!caller.can(Action::patients_read)) {
    audit_.record_denied(store_, caller, "patient.read", "patient", id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  auto row = tx->patient(caller.clinic, id);
  if (!row) return Error::not_found("No such patient.");
  PatientRecord record{*row, tx->patient_demographics(caller.clinic, id).value_or(Demographics{})};
  audit_.record(*tx, caller, "patient.read", "patient", row->id);
  tx->commit();
  return record;
}

Result<PatientPage> PatientService::search(const Caller& caller, const std::string& query, const std::string& cursor,
                                           int limit) {
  if (!caller.can(Action::patients_read)) {
    audit_.record_denied(store_, caller, "patient.list", "patient", "");
    return Error::forbidden();
  }
  if (query.size() > 100) return Error::invalid("q", "The search text is longer than 100 characters.");
  std::optional<PatientCursor> after;
  if (!cursor.empty()) {
    after = decode_cursor(cursor);
    if (!after) return Error::invalid("cursor", "The cursor is not valid.");
  }
  limit = std::clamp(limit, 1, 200);
  auto tx = store_.begin(Store::Mode::write);
  PatientPage page;
  page.items = tx->patients(caller.clinic, patient_query(query), after, limit + 1);
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.resize(static_cast<std::size_t>(limit));
    const auto& last = page.items.back();
    page.next_cursor = encode_cursor({search_key(last.family_name), search_key(last.given_name), last.id});
  }
  audit_.record(*tx, caller, "patient.list", "patient", "");
  tx->commit();
  return page;
}

}  // namespace kc::app
