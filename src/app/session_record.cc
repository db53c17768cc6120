// SessionService: the record kept while the session runs: pump rate changes,
// esketamine devices, rescue medicines, effects and adverse events, the modified
// Aldrete score, the discharge checks and a prescriber's override, the integration
// note and the follow-up appointment.
#include <cmath>

#include "app/calendar_service.h"
#include "app/ids.h"
#include "app/session_internal.h"
#include "app/session_service.h"
#include "domain/recovery.h"

namespace kc::app {

using session_detail::kMinuteMs;
using session_detail::milli;

Result<SessionView> SessionService::rate_change(const Caller& caller, const std::string& id,
                                                std::optional<double> rate_ml_per_h, const std::string& reason) {
  if (!rate_ml_per_h) return Error::invalid("rate_ml_per_h", "Give the new pump rate.");
  if (reason.size() > 1000) return Error::invalid("reason", "The reason is too long (1000 characters at most).");
  return update(caller, id, Action::sessions_run, "session.rate_change", [&](Transaction& tx, TreatmentSessionRow& s) {
    if (s.route != "iv")
      return Status(Error::conflict("not_an_infusion", "Only an IV infusion has a pump rate.", "rate_ml_per_h"));
    auto stored = tx.session_events(caller.clinic, s.id);
    std::vector<InfusionEvent> events;
    for (const auto& e : stored)
      if (auto k = session_detail::infusion_kind(e.kind))
        events.push_back({*k, e.at_ms, e.rate_ul_per_h / 1000.0, e.reason});
    InfusionEvent next{InfusionEventKind::rate_change, clock_.now_ms(), *rate_ml_per_h, reason};
    if (auto ok = check_infusion_event(events, next); !ok) return ok;
    tx.insert_session_event({new_id(crypto_, "sev"), caller.clinic.value, s.id, "rate_change", next.at_ms,
                             std::llround(*rate_ml_per_h * 1000), reason, caller.user_id});
    return Status(Ok{});
  });
}

Result<SessionView> SessionService::device_given(const Caller& caller, const std::string& id) {
  return update(caller, id, Action::sessions_run, "session.device", [&](Transaction& tx, TreatmentSessionRow& s) {
    if (s.route != "intranasal_esketamine")
      return Status(Error::conflict("not_esketamine", "Devices are recorded for esketamine only.", "route"));
    if (s.state != "dosing")
      return Status(Error::conflict("not_dosing", "Start dosing before recording a device.", "state"));
    std::vector<std::int64_t> given;
    for (const auto& e : tx.session_events(caller.clinic, s.id))
      if (e.kind == "device") given.push_back(e.at_ms);
    const auto order = s.dose_order_id.empty() ? std::nullopt : tx.dose_order(caller.clinic, s.dose_order_id);
    if (order && order->devices > 0 && static_cast<int>(given.size()) >= order->devices)
      return Status(Error::conflict(
          "devices_complete", "All " + std::to_string(order->devices) + " devices of the order are given.", "devices"));
    const std::int64_t now = clock_.now_ms();
    if (auto ok = check_device_time(given, now, protocol_of(tx, caller.clinic).device_spacing_min); !ok) return ok;
    tx.insert_session_event({new_id(crypto_, "sev"), caller.clinic.value, s.id, "device", now, 0, "", caller.user_id});
    return Status(Ok{});
  });
}

Result<SessionView> SessionService::rescue_medicine(const Caller& caller, const std::string& id,
                                                    const RescueMedicine& medicine) {
  RescueMedicine m = medicine;
  if (m.at_ms == 0) m.at_ms = clock_.now_ms();
  if (auto ok = check_rescue_medicine(m); !ok) return ok.error();
  if (m.at_ms > clock_.now_ms() + kMinuteMs) return Error::invalid("at", "The time given is in the future.");
  return update(caller, id, Action::sessions_run, "session.rescue_medicine",
                [&](Transaction& tx, TreatmentSessionRow& s) {
                  tx.insert_rescue_medicine({new_id(crypto_, "srm"), caller.clinic.value, s.id, m.drug, m.route,
                                             m.reason, caller.user_id, std::llround(m.dose_mg * 1000), m.at_ms});
                  return Status(Ok{});
                });
}

Result<SessionView> SessionService::effect(const Caller& caller, const std::string& id, const EffectEntry& entry) {
  EffectEntry e = entry;
  if (e.at_ms == 0) e.at_ms = clock_.now_ms();
  if (auto ok = check_effect(e); !ok) return ok.error();
  if (e.at_ms > clock_.now_ms() + kMinuteMs) return Error::invalid("at", "The time given is in the future.");
  return update(caller, id, Action::sessions_run, e.serious ? "session.serious_adverse_event" : "session.effect",
                [&](Transaction& tx, TreatmentSessionRow& s) {
                  EffectRow row;
                  row.id = new_id(crypto_, "sef");
                  row.clinic_id = caller.clinic.value;
                  row.session_id = s.id;
                  row.kind = std::string(to_string(e.kind));
                  row.severity = std::string(to_string(e.severity));
                  row.description = e.description;
                  row.intervention = e.intervention;
                  row.outcome = std::string(to_string(e.outcome));
                  row.narrative = e.narrative;
                  row.serious = e.serious;
                  row.by = caller.user_id;
                  row.at_ms = e.at_ms;
                  row.recorded_ms = clock_.now_ms();
                  tx.insert_effect(row);
                  return Status(Ok{});
                });
}

Result<SessionView> SessionService::aldrete(const Caller& caller, const std::string& id, const AldreteObservation& o) {
  return update(caller, id, Action::sessions_run, "session.aldrete", [&](Transaction& tx, TreatmentSessionRow& s) {
    if (s.dose_started_ms == 0)
      return Status(Error::conflict("not_dosed", "The recovery score is recorded after the dose.", "state"));
    if (s.last_systolic == 0 || s.last_spo2 == 0)
      return Status(Error::conflict(
          "vitals_missing", "Record a blood pressure and SpO2 reading first: the score uses them.", "vital_signs"));
    if (s.pre_dose_systolic == 0)
      return Status(Error::conflict("pre_dose_vitals_missing",
                                    "There is no pre-dose blood pressure to compare the circulation with.",
                                    "vital_signs"));
    AldreteInput in;
    in.activity = o.activity.value_or(-1);
    in.respiration = o.respiration.value_or(-1);
    in.consciousness = o.consciousness.value_or(-1);
    in.systolic_mmhg = milli(s.last_systolic);
    in.baseline_systolic_mmhg = milli(s.pre_dose_systolic);
    in.spo2_pct = milli(s.last_spo2);
    in.on_room_air = o.on_room_air;
    auto score = kc::aldrete(in);
    if (!score) return Status(score.error());
    AldreteRow row;
    row.id = new_id(crypto_, "sal");
    row.clinic_id = caller.clinic.value;
    row.session_id = s.id;
    row.by = caller.user_id;
    row.at_ms = clock_.now_ms();
    row.activity = score->activity;
    row.respiration = score->respiration;
    row.circulation = score->circulation;
    row.consciousness = score->consciousness;
    row.oxygen = score->oxygen;
    row.total = score->total;
    row.bp_change_milli_pct = std::llround(score->bp_change_pct * 1000);
    tx.insert_aldrete(row);
    return Status(Ok{});
  });
}

Result<SessionView> SessionService::discharge_checks(const Caller& caller, const std::string& id, bool escort_present,
                                                     bool instructions_given) {
  return update(caller, id, Action::sessions_run, "session.discharge_checks",
                [&](Transaction&, TreatmentSessionRow& s) {
                  s.escort_present = escort_present;
                  s.instructions_given = instructions_given;
                  return Status(Ok{});
                });
}

Result<SessionView> SessionService::override_discharge(const Caller& caller, const std::string& id,
                                                       const std::string& reason) {
  if (reason.empty()) return Error::invalid("reason", "An override of the discharge gates needs a reason.");
  if (reason.size() > 1000) return Error::invalid("reason", "The reason is too long (1000 characters at most).");
  return update(
      caller, id, Action::sessions_override, "session.discharge_override", [&](Transaction&, TreatmentSessionRow& s) {
        if (s.dose_ended_ms == 0)
          return Status(Error::conflict("not_dosed", "Discharge is overridden only after the dose ends.", "state"));
        s.override_reason = reason;
        s.override_by = caller.user_id;
        return Status(Ok{});
      });
}

Result<SessionView> SessionService::note(const Caller& caller, const std::string& id, const std::string& text) {
  if (text.empty()) return Error::invalid("text", "The note is empty.");
  if (text.size() > 20000) return Error::invalid("text", "The note is too long (20,000 characters at most).");
  return update(caller, id, Action::session_notes_write, "session.note", [&](Transaction& tx, TreatmentSessionRow& s) {
    tx.insert_session_note(
        {new_id(crypto_, "snt"), caller.clinic.value, s.id, "integration", text, caller.user_id, clock_.now_ms()});
    return Status(Ok{});
  });
}

Result<SessionView> SessionService::follow_up(const Caller& caller, const std::string& id,
                                              const BookingInput& booking) {
  if (!caller.can(Action::sessions_run) || !caller.can(Action::calendar_write)) {
    audit_.record_denied(store_, caller, "session.follow_up", "session", id);
    return Error::forbidden();
  }
  if (booking.request.type != "integration" && booking.request.type != "follow_up" &&
      booking.request.type != "telehealth_check_in")
    return Error::invalid("type", "A follow-up is an integration, follow-up or telehealth check-in appointment.");
  std::string patient;
  {
    auto tx = store_.begin(Store::Mode::read);
    auto s = tx->treatment_session(caller.clinic, id);
    if (!s) return Error::not_found("No such session.");
    patient = s->patient_id;
  }
  BookingInput in = booking;
  in.request.patient_id = patient;
  auto booked = calendar_.book(caller, in);
  if (!booked) return booked.error();
  const std::string appointment_id = booked->view.appointment.id;
  return update(caller, id, Action::sessions_run, "session.follow_up", [&](Transaction&, TreatmentSessionRow& s) {
    s.follow_up_appointment_id = appointment_id;
    return Status(Ok{});
  });
}

}  // namespace kc::app
