#include "app/waiting_list_service.h"

#include <algorithm>

#include "app/ids.h"
#include "domain/enquiry.h"
#include "domain/patient.h"
#include "domain/time.h"
#include "domain/validation.h"

namespace kc::app {
namespace {

constexpr std::int64_t kHourMs = 3600 * 1000;

Answer answer_of(const std::string& text) { return parse_answer(text).value_or(Answer::unknown); }

EntryState state_of(const EntryRow& e) {
  return {e.id,        parse_entry_status(e.status).value_or(EntryStatus::waiting),
          e.urgent,    e.cleared_for_offer,
          e.joined_ms, e.offer_expires_ms};
}

Status check_program_numbers(int capacity, int offer_hours) {
  if (capacity < 0 || capacity > 100'000) return Error::invalid("capacity", "capacity must be from 0 to 100000.");
  if (offer_hours < 1 || offer_hours > 24 * 60)
    return Error::invalid("offer_hours", "offer_hours must be from 1 to 1440.");
  return Ok{};
}

}  // namespace

Result<std::vector<ProgramRow>> WaitingListService::programs(const Caller& caller) {
  if (!caller.can(Action::waiting_read)) {
    audit_.record_denied(store_, caller, "waiting.program.list", "waiting_program", "");
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  for (const auto& p : tx->programs(caller.clinic))
    if (auto locked = tx->program(caller.clinic, p.id)) reconcile(*tx, caller, *locked);
  auto out = tx->programs(caller.clinic);
  tx->commit();
  return out;
}

Result<ProgramRow> WaitingListService::create_program(const Caller& caller, const std::string& name_in, int capacity,
                                                      int offer_hours) {
  if (!caller.can(Action::waiting_manage)) {
    audit_.record_denied(store_, caller, "waiting.program.create", "waiting_program", "");
    return Error::forbidden();
  }
  auto name = required_text("name", name_in, 100);
  if (!name) return name.error();
  if (auto ok = check_program_numbers(capacity, offer_hours); !ok) return ok.error();
  ProgramRow p{new_id(crypto_, "wlp"), caller.clinic.value, *name, capacity, offer_hours, clock_.now_ms(), 0, 0};
  auto tx = store_.begin(Store::Mode::write);
  tx->insert_program(p);
  audit_.record(*tx, caller, "waiting.program.create", "waiting_program", p.id);
  tx->commit();
  return p;
}

Result<ProgramRow> WaitingListService::update_program(const Caller& caller, const std::string& id, int capacity,
                                                      int offer_hours) {
  if (!caller.can(Action::waiting_manage)) {
    audit_.record_denied(store_, caller, "waiting.program.update", "waiting_program", id);
    return Error::forbidden();
  }
  if (auto ok = check_program_numbers(capacity, offer_hours); !ok) return ok.error();
  auto tx = store_.begin(Store::Mode::write);
  auto p = tx->program(caller.clinic, id);
  if (!p) return Error::not_found("No such waiting list.");
  p->capacity = capacity;
  p->offer_hours = offer_hours;
  tx->update_program(caller.clinic, *p);
  audit_.record(*tx, caller, "waiting.program.update", "waiting_program", id);
  reconcile(*tx, caller, *p);  // a raised capacity offers places at once
  auto updated = tx->program(caller.clinic, id);
  tx->commit();
  return *updated;
}

Result<std::vector<EntryRow>> WaitingListService::entries(const Caller& caller, const std::string& program_id,
                                                          bool all) {
  if (!caller.can(Action::waiting_read)) {
    audit_.record_denied(store_, caller, "waiting.entry.list", "waiting_program", program_id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  auto p = tx->program(caller.clinic, program_id);
  if (!p) return Error::not_found("No such waiting list.");
  reconcile(*tx, caller, *p);
  auto rows = tx->entries(caller.clinic, program_id);
  std::erase_if(rows, [all](const EntryRow& e) { return !all && (e.status == "scheduled" || e.status == "removed"); });
  std::stable_sort(rows.begin(), rows.end(),
                   [](const EntryRow& a, const EntryRow& b) { return comes_before(state_of(a), state_of(b)); });
  audit_.record(*tx, caller, "waiting.entry.list", "waiting_program", program_id);
  tx->commit();
  return rows;
}

Result<EntryRow> WaitingListService::validate(const NewEntry& in, bool needs_consent) {
  EnquiryInput contact;
  contact.given_name = in.given_name;
  contact.family_name = in.family_name;
  contact.email = in.email;
  contact.phone = in.phone;
  contact.preferred_contact = in.preferred_contact;
  contact.consent_to_contact = in.consent_to_contact;
  auto checked = validate_enquiry(contact, needs_consent ? EnquirySource::web : EnquirySource::phone);
  if (!checked) return checked.error();
  for (auto [field, value] :
       {std::pair{"prescreen.pregnant", &in.pregnant}, std::pair{"prescreen.substance_use", &in.substance_use},
        std::pair{"prescreen.high_blood_pressure", &in.high_blood_pressure}})
    if (!parse_answer(*value)) return Error::invalid(field, "Answer with yes, no or unknown.");
  if (in.age_years && (*in.age_years < 0 || *in.age_years > kMaxAgeYears))
    return Error::invalid("age_years", "age_years must be from 0 to 120.");
  EntryRow e;
  e.given_name = checked->given_name;
  e.family_name = checked->family_name;
  e.email = checked->email;
  e.phone = checked->phone;
  e.preferred_contact = std::string(to_string(checked->preferred_contact));
  e.prescreen_pregnant = in.pregnant;
  e.prescreen_substance_use = in.substance_use;
  e.prescreen_high_blood_pressure = in.high_blood_pressure;
  e.age_years = in.age_years.value_or(-1);
  PreScreen pre{answer_of(in.pregnant), answer_of(in.substance_use), answer_of(in.high_blood_pressure), in.age_years};
  e.cleared_for_offer = !needs_clinician_review(pre);
  return e;
}

Result<EntryRow> WaitingListService::add_by_staff(const Caller& caller, const std::string& program_id,
                                                  const NewEntry& input) {
  if (!caller.can(Action::waiting_write)) {
    audit_.record_denied(store_, caller, "waiting.entry.create", "waiting_program", program_id);
    return Error::forbidden();
  }
  auto e = validate(input, false);
  if (!e) return e.error();
  auto tx = store_.begin(Store::Mode::write);
  auto p = tx->program(caller.clinic, program_id);
  if (!p) return Error::not_found("No such waiting list.");
  e->id = new_id(crypto_, "wle");
  e->clinic_id = caller.clinic.value;
  e->program_id = program_id;
  e->joined_ms = e->updated_ms = clock_.now_ms();
  e->source = "staff";
  tx->insert_entry(*e);
  audit_.record(*tx, caller, "waiting.entry.create", "waiting_entry", e->id);
  reconcile(*tx, caller, *p);
  auto stored = tx->entry(caller.clinic, e->id);
  tx->commit();
  return *stored;
}

Status WaitingListService::join_public(const std::string& clinic_id, const std::string& program_id,
                                       const NewEntry& input, const std::string& honeypot,
                                       const std::string& client_address) {
  auto e = validate(input, true);
  if (!e) return e.error();
  Caller visitor = Caller::system(ClinicId{clinic_id}, client_address);
  visitor.roles.clear();
  {
    auto check = store_.begin(Store::Mode::read);  // only requests to a real list count towards the limit
    if (!check->clinic(visitor.clinic)) return Error::not_found("This clinic's request page was not found.");
    if (!check->program(visitor.clinic, program_id)) return Error::not_found("No such waiting list.");
  }
  if (!limiter_.admit(client_address))
    return Error{ErrorKind::rate_limited, "rate_limited", "Too many requests from this address; try again later.", {}};
  auto tx = store_.begin(Store::Mode::write);
  auto p = tx->program(visitor.clinic, program_id);
  if (!p) return Error::not_found("No such waiting list.");
  if (!honeypot.empty()) return Ok{};  // a form-filling bot: answer as usual, keep nothing
  e->id = new_id(crypto_, "wle");
  e->clinic_id = clinic_id;
  e->program_id = program_id;
  e->joined_ms = e->updated_ms = clock_.now_ms();
  e->source = "web";
  tx->insert_entry(*e);
  audit_.record(*tx, visitor, "waiting.entry.create", "waiting_entry", e->id);
  reconcile(*tx, visitor, *p);
  tx->commit();
  return Ok{};
}

std::vector<EntryAction> WaitingListService::allowed_actions(const Caller& caller, const EntryRow& e) {
  std::vector<EntryAction> out;
  for (auto a :
       possible_actions(parse_entry_status(e.status).value_or(EntryStatus::waiting), e.urgent, e.cleared_for_offer)) {
    const bool clinical = a == EntryAction::mark_urgent || a == EntryAction::clear;
    if (caller.can(clinical ? Action::waiting_clinical : Action::waiting_write)) out.push_back(a);
  }
  return out;
}

Result<EntryRow> WaitingListService::act(const Caller& caller, const std::string& entry_id,
                                         const std::string& action_text, const std::string& reason_in) {
  auto action = parse_entry_action(action_text);
  if (!action) return Error::invalid("action", "Unknown action \"" + action_text.substr(0, 40) + "\".");
  const bool clinical = *action == EntryAction::mark_urgent || *action == EntryAction::clear;
  if (!caller.can(clinical ? Action::waiting_clinical : Action::waiting_write)) {
    audit_.record_denied(store_, caller, "waiting.entry." + action_text, "waiting_entry", entry_id);
    return Error::forbidden();
  }
  if (utf8_length(reason_in) > 500) return Error::invalid("reason", "The reason is longer than 500 characters.");
  auto tx = store_.begin(Store::Mode::write);
  auto found = tx->entry(caller.clinic, entry_id);
  if (!found) return Error::not_found("No such waiting-list entry.");
  auto p = tx->program(caller.clinic, found->program_id);  // locks the program: one offer per place
  reconcile(*tx, caller, *p);                              // an offer may have lapsed meanwhile
  auto e = *tx->entry(caller.clinic, entry_id);
  const auto possible =
      possible_actions(parse_entry_status(e.status).value_or(EntryStatus::waiting), e.urgent, e.cleared_for_offer);
  if ((*action == EntryAction::mark_urgent || *action == EntryAction::clear) &&
      std::find(possible.begin(), possible.end(), *action) == possible.end())
    return Error::conflict("invalid_transition",
                           *action == EntryAction::mark_urgent ? "This entry is already urgent."
                                                               : "This entry is already cleared for an offer.",
                           "action");
  auto next = apply(parse_entry_status(e.status).value_or(EntryStatus::waiting), *action, reason_in);
  if (!next) return next.error();
  if (*action == EntryAction::mark_urgent) {
    e.urgent = true;
    e.urgent_reason = reason_in;
  }
  if (*action == EntryAction::clear) e.cleared_for_offer = true;
  if (*action == EntryAction::remove) e.removed_reason = reason_in;
  if (*action == EntryAction::requeue) e.offered_ms = e.offer_expires_ms = 0;
  e.status = std::string(to_string(*next));
  e.updated_ms = clock_.now_ms();
  tx->update_entry(caller.clinic, e);
  audit_.record(*tx, caller, "waiting.entry." + action_text, "waiting_entry", e.id);
  reconcile(*tx, caller, *p);  // a decline or removal frees a place for the next person
  auto stored = tx->entry(caller.clinic, entry_id);
  tx->commit();
  return *stored;
}

void WaitingListService::reconcile(Transaction& tx, const Caller& trigger, const ProgramRow& program) {
  // Offers and lapses are the list's own doing, not the act of whoever read it.
  const Caller caller = Caller::system(trigger.clinic, "waiting-list");
  auto rows = tx.entries(caller.clinic, program.id);
  std::vector<EntryState> states;
  for (const auto& r : rows) states.push_back(state_of(r));
  const std::int64_t now = clock_.now_ms();
  auto todo = plan({program.capacity, program.offer_hours * kHourMs}, states, now);
  auto find = [&](const std::string& id) -> EntryRow& {
    return *std::find_if(rows.begin(), rows.end(), [&](const EntryRow& r) { return r.id == id; });
  };
  for (const auto& id : todo.expire) {
    auto& e = find(id);
    e.status = "expired";
    e.updated_ms = now;
    tx.update_entry(caller.clinic, e);
    audit_.record(tx, caller, "waiting.entry.expire", "waiting_entry", id);
    message(tx, e, "Your offer has lapsed",
            "The place we offered you was not confirmed in time. Contact the clinic if you would still like one.");
  }
  for (const auto& id : todo.offer) {
    auto& e = find(id);
    e.status = "offered";
    e.offered_ms = e.updated_ms = now;
    e.offer_expires_ms = now + program.offer_hours * kHourMs;
    tx.update_entry(caller.clinic, e);
    audit_.record(tx, caller, "waiting.entry.offer", "waiting_entry", id);
    message(tx, e, "A place is available: " + program.name,
            "A place in " + program.name + " is available for you. Please reply by " +
                format_iso8601(e.offer_expires_ms) + " (UTC) to accept it.");
  }
}

void WaitingListService::message(Transaction& tx, const EntryRow& e, const std::string& subject,
                                 const std::string& body) {
  const bool by_email = e.preferred_contact == "email" && !e.email.empty();
  OutboxRow m{new_id(crypto_, "msg"),
              e.clinic_id,
              by_email ? "email" : (e.preferred_contact == "text" ? "text" : "phone"),
              by_email ? e.email : e.phone,
              subject,
              "Dear " + e.given_name + ",\n\n" + body,
              "waiting_entry",
              e.id,
              clock_.now_ms()};
  tx.insert_outbox(m);
}

std::vector<ProgramRow> WaitingListService::public_programs(const std::string& clinic_id) {
  auto tx = store_.begin(Store::Mode::read);
  return tx->programs(ClinicId{clinic_id});
}

void WaitingListService::sweep() {
  std::vector<ClinicRow> clinics;
  {
    auto tx = store_.begin(Store::Mode::read);
    clinics = tx->clinics();
  }
  for (const auto& c : clinics) {
    Caller system = Caller::system(ClinicId{c.id}, "sweep");
    auto tx = store_.begin(Store::Mode::write);
    for (const auto& p : tx->programs(system.clinic))
      if (auto locked = tx->program(system.clinic, p.id)) reconcile(*tx, system, *locked);
    tx->commit();
  }
}

}  // namespace kc::app
