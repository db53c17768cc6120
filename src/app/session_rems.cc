// SessionService: the Spravato REMS Patient Monitoring Form built from the session's
// record (clinical reference §3 lists its fields), the forms not yet submitted, and
// marking a form submitted.
#include "app/session_internal.h"
#include "app/session_service.h"
#include "domain/eligibility.h"
#include "domain/rems.h"
#include "domain/time.h"

namespace kc::app {

Result<RemsForm> SessionService::rems_form(const Caller& caller, const std::string& id) {
  if (!caller.can(Action::sessions_read)) {
    audit_.record_denied(store_, caller, "session.rems_form.read", "session", id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);  // the read is audited
  auto s = tx->treatment_session(caller.clinic, id);
  if (!s) return Error::not_found("No such session.");
  if (s->route != "intranasal_esketamine")
    return Error::conflict("not_esketamine", "The REMS form is for esketamine sessions only.", "route");
  RemsForm f;
  f.view = view_of(*tx, caller.clinic, *s);
  const auto& v = f.view;
  const std::int64_t day_start = v.appointment.start_ms;
  for (const auto& m : tx->medications(caller.clinic, s->patient_id, Entries::valid)) {
    if (m.stopped_ms != 0 && m.stopped_ms < day_start) continue;  // stopped before the session
    const auto c = parse_medication_class(m.medication_class).value_or(MedicationClass::none);
    f.benzodiazepines |= c == MedicationClass::benzodiazepine;
    f.non_benzodiazepine_sedative_hypnotics |= c == MedicationClass::z_drug;
    f.psychostimulants |= c == MedicationClass::psychostimulant;
    f.maois |= c == MedicationClass::maoi;
    f.opioids |= c == MedicationClass::opioid;
  }
  auto email = [&](const std::string& user) {
    auto it = v.emails.find(user);
    return it == v.emails.end() ? std::string() : it->second;
  };
  f.monitoring_clinician = email(s->discharged_by.empty() ? s->checked_in_by : s->discharged_by);
  if (auto clinic = tx->clinic(caller.clinic)) f.setting = clinic->name;
  if (v.room) f.setting += (f.setting.empty() ? "" : ", ") + v.room->name;
  f.date = format_date(date_of(day_start));
  if (v.dose_order) f.dose_mg = static_cast<double>(v.dose_order->dose_ug) / 1000.0;
  for (const auto& e : v.events) f.devices += e.kind == "device" ? 1 : 0;
  if (s->dose_started_ms > 0) {
    const std::int64_t end = s->discharged_ms > 0 ? s->discharged_ms : clock_.now_ms();
    f.minutes_monitored = static_cast<int>((end - s->dose_started_ms) / session_detail::kMinuteMs);
  }
  const BpDecision decision = parse_bp_decision(s->bp_decision);
  f.vitals_acceptable_before =
      rems_vitals_acceptable_before(s->pre_dose_systolic > 0, v.pre_dose_above_limit, decision);
  f.vitals_acceptable_after = rems_vitals_acceptable_after(
      s->state == "discharged", !s->override_reason.empty(),
      v.aldrete.empty() ? std::nullopt : std::optional<int>(v.aldrete.back().total), v.protocol.aldrete_minimum);
  for (auto& r : tx->vitals(caller.clinic, id, 0))
    if (r.systolic > 0) f.bp_readings.push_back(r);
  for (const auto& e : v.effects) {
    f.sedation |= e.kind == "sedation";
    f.dissociation |= e.kind == "dissociation";
    f.respiratory_depression |= e.kind == "respiratory_depression";
    if (e.serious) f.serious_adverse_events.push_back(e);
  }
  audit_.record(*tx, caller, "session.rems_form.read", "session", id);
  tx->commit();
  return f;
}

Result<std::vector<RemsPending>> SessionService::rems_pending(const Caller& caller) {
  if (!caller.can(Action::sessions_read)) {
    audit_.record_denied(store_, caller, "session.rems_pending", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  const Date today = date_of(clock_.now_ms());
  const int due_days = protocol_of(*tx, caller.clinic).rems_due_days;
  TreatmentSessionQuery q;
  q.route = "intranasal_esketamine";
  std::vector<RemsPending> out;
  for (const auto& s : tx->treatment_sessions(caller.clinic, q)) {
    if (s.dose_started_ms == 0 || !s.rems_submitted_on.empty()) continue;  // no dose given, or done
    if (s.state != "discharged" && s.state != "aborted") continue;         // still running
    RemsPending p;
    p.session = s;
    if (auto patient = tx->patient(caller.clinic, s.patient_id)) p.patient = *patient;
    const Date day = date_of(s.dose_started_ms);
    const Date due = add_days(day, due_days);
    p.date = format_date(day);
    p.due_on = format_date(due);
    p.overdue = compare(today, due) > 0;
    out.push_back(std::move(p));
  }
  audit_.record(*tx, caller, "session.rems_pending", "clinic", caller.clinic.value);
  tx->commit();
  return out;
}

Result<SessionView> SessionService::rems_submitted(const Caller& caller, const std::string& id,
                                                   const std::string& submitted_on) {
  auto day = parse_date(submitted_on);
  if (!day) return Error::invalid("submitted_on", "Give the date the form was submitted as YYYY-MM-DD.");
  if (compare(*day, date_of(clock_.now_ms())) > 0)
    return Error::invalid("submitted_on", "The form cannot be submitted in the future.");
  return update(caller, id, Action::sessions_run, "session.rems_submitted", [&](Transaction&, TreatmentSessionRow& s) {
    if (s.route != "intranasal_esketamine")
      return Status(Error::conflict("not_esketamine", "The REMS form is for esketamine sessions only.", "route"));
    if (s.dose_started_ms == 0)
      return Status(Error::conflict("not_dosed", "No dose was given in this session.", "state"));
    if (compare(*day, date_of(s.dose_started_ms)) < 0)
      return Status(Error::invalid("submitted_on", "The form cannot be submitted before the session."));
    s.rems_submitted_on = submitted_on;
    return Status(Ok{});
  });
}

}  // namespace kc::app
