#include "app/demo_clinic.h"

#include <tuple>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/consent_demo.h"
#include "app/dose_service.h"
#include "app/eligibility_rules_service.h"
#include "app/ids.h"
#include "domain/calendar.h"
#include "domain/eligibility.h"
#include "domain/plan.h"
#include "domain/time.h"

namespace kc::app {
namespace {

struct DemoPatient {
  std::string_view given, family, dob;
};

// Invented people; any likeness is chance.
constexpr std::array kDemoPatients = {
    DemoPatient{"Maya", "Okafor", "1986-03-14"},   DemoPatient{"Jonas", "Lindqvist", "1979-11-02"},
    DemoPatient{"Rosa", "Delgado", "1992-07-23"},  DemoPatient{"Samuel", "Achebe", "1968-01-30"},
    DemoPatient{"Lena", "Hoffmann", "2001-05-09"}, DemoPatient{"Tomás", "Ferreira", "1974-09-17"},
};

/// Tomás's history as a nurse would record it (every question answered "no"), two
/// antidepressant trials without full response, and the prescriber's "eligible"
/// decision made on exactly these facts with the clinic's rules, so that his plan
/// and dose order follow a screening, as the clinic journey requires.
void seed_tomas_screening(Transaction& tx, Crypto& crypto, AuditLog& audit, const Caller& system, const ClinicId& c,
                          const std::string& pid, const std::string& prescriber_id, std::int64_t now) {
  ScreeningFacts facts;
  facts.age_years = age_in_years(Date{1974, 9, 17}, date_of(now));
  for (const auto& q : history_questions()) {
    tx.insert_history_answer(c, pid, {std::string(q.code), "no", now, prescriber_id});
    facts.history[std::string(q.code)] = Answer::no;
  }
  audit.record(tx, system, "patient.history.update", "patient", pid);
  facts.diagnosis_codes = {"F33.2"};
  for (const auto& [drug, dose, weeks, response] : {std::tuple{"Sertraline", "150 mg daily", 8, "none"},
                                                    std::tuple{"Venlafaxine", "225 mg daily", 10, "partial"}}) {
    tx.insert_trial(c, {new_id(crypto, "trl"), pid, drug, dose, weeks, response, now, prescriber_id, {}});
    audit.record(tx, system, "patient.trial.create", "patient", pid);
    facts.trials.push_back({drug, dose, weeks, *parse_trial_response(response)});
  }
  const auto rules = clinic_eligibility_rules(tx, audit, c, now);
  const auto findings = screen(facts, rules);
  tx.insert_decision(
      c, {new_id(crypto, "elg"), pid, "eligible",
          "Treatment-resistant depression (two trials without full response); no contraindication.", "",
          rule_set_label(rules), snapshot_json(facts, findings, rule_set_label(rules)), now, prescriber_id, false, ""});
  audit.record(tx, system, "eligibility.decide", "patient", pid);
}

}  // namespace

bool ensure_demo_clinic(Store& store, Crypto& crypto, const Clock& clock) {
  {
    auto tx = store.begin(Store::Mode::read);
    if (tx->clinic_by_name(kDemoClinicName)) return false;
  }
  const std::int64_t now = clock.now_ms();
  // One hash serves every demo account: they share the published demo password.
  const std::string hash = crypto.hash_password(kDemoPassword);
  AuditLog audit(crypto, clock);
  auto tx = store.begin(Store::Mode::write);
  ClinicRow clinic{new_id(crypto, "cln"), std::string(kDemoClinicName), now};
  tx->insert_clinic(clinic);
  Caller system = Caller::system(ClinicId{clinic.id}, "demo-seed");
  audit.record(*tx, system, "clinic.create", "clinic", clinic.id);
  for (const auto& u : kDemoUsers) {
    UserRow user{new_id(crypto, "usr"),
                 clinic.id,
                 std::string(u.email),
                 std::string(u.display_name),
                 hash,
                 {u.role},
                 false,
                 0,
                 0,
                 now};
    tx->insert_user(user);
    audit.record(*tx, system, "user.create", "user", user.id);
  }
  for (const auto& p : kDemoPatients) {
    PatientRow row{new_id(crypto, "pat"), clinic.id,          std::string(p.given),
                   std::string(p.family), std::string(p.dob), now};
    tx->insert_patient(row);
    audit.record(*tx, system, "patient.create", "patient", row.id);
  }
  seed_demo_consents(*tx, crypto, audit, system, now);
  // Tomás Ferreira: recurrent depression, screened and found eligible (see
  // seed_tomas_screening), and a signed IV plan from the reference
  // template (0.5 mg/kg over 40 min, 6 sessions at most 3 a week), so the Plan tab,
  // its proposal and its PK chart can be seen (his weight is in the dosing demo below).
  {
    const ClinicId c{clinic.id};
    auto found = tx->patients(c, PatientQuery{"ferreira", {}, {}}, std::nullopt, 1);
    auto rx = tx->user_by_email("prescriber@demo.test");
    if (!found.empty() && rx) {
      const std::string& pid = found.front().id;
      DiagnosisRow dx{new_id(crypto, "dgn"), pid, "F33.2", now, rx->id, {}};
      tx->insert_diagnosis(c, dx);
      audit.record(*tx, system, "patient.diagnosis.create", "patient", pid);
      seed_tomas_screening(*tx, crypto, audit, system, c, pid, rx->id, now);
      PlanRow plan;
      plan.id = new_id(crypto, "pln");
      plan.clinic_id = clinic.id;
      plan.patient_id = pid;
      plan.version = 1;
      plan.plan.indications = {"F33.2"};
      plan.plan.goals = {{"Remission of depression (PHQ-9 below 5)", "phq9", 4}};
      plan.plan.route = Route::iv;
      plan.plan.dose_rule.mg_per_kg = 0.5;
      plan.plan.dose_rule.infusion_minutes = 40;
      plan.plan.induction = {6, 3, 2};
      plan.signed_by = rx->id;
      plan.signed_ms = now;
      tx->insert_plan(c, plan);
      audit.record(*tx, system, "plan.sign", "treatment_plan", plan.id);
    }
  }
  // Weights for two patients (Tomás's recent, Samuel's too old for a dose), and an IV
  // order for Tomás by the prescriber, awaiting the nurse's blind double check.
  {
    const ClinicId cid{clinic.id};
    std::string tomas, samuel;
    for (const auto& p : tx->patients(cid, {}, std::nullopt, 50)) {
      if (p.family_name == "Ferreira") tomas = p.id;
      if (p.given_name == "Samuel") samuel = p.id;
    }
    const Date today = date_of(now);
    tx->insert_measurement(
        cid,
        {new_id(crypto, "msr"), tomas, "weight", 72'400, 0, format_date(add_days(today, -2)), now, "demo-seed", {}});
    tx->insert_measurement(
        cid,
        {new_id(crypto, "msr"), samuel, "weight", 81'000, 0, format_date(add_days(today, -45)), now, "demo-seed", {}});
    auto rx = tx->user_by_email("prescriber@demo.test");
    DoseInput in;
    in.route = Route::iv;
    in.rule.ug_per_kg = 500;
    in.rule.infusion_minutes = 40;
    in.weight = WeightOn{72'400, add_days(today, -2)};
    in.today = add_days(today, 1);
    in.concentration_ug_per_ml = 10'000;
    auto calc = calculate_dose(in, protocol_of(default_dose_settings(cid)));
    if (rx && calc) {
      DoseOrderRow o;
      o.id = new_id(crypto, "dor");
      o.clinic_id = clinic.id;
      o.patient_id = tomas;
      o.planned_for = format_date(in.today);
      o.route = "iv";
      o.rule_ug_per_kg = 500;
      o.infusion_minutes = 40;
      o.weight_g = 72'400;
      o.weight_on = format_date(add_days(today, -2));
      o.concentration_ug_per_ml = 10'000;
      o.unrounded_dose_ug = calc->unrounded_dose_ug;
      o.dose_ug = calc->dose_ug;
      o.given_ug_per_kg = calc->given_ug_per_kg.value_or(0);
      o.volume_ul = calc->volume_ul.value_or(0);
      o.rate_ul_per_h = calc->rate_ul_per_h.value_or(0);
      o.dose_rounding = calc->dose_rounding;
      o.volume_rounding = calc->volume_rounding;
      o.rate_rounding = calc->rate_rounding;
      o.verdict = std::string(to_string(calc->verdict));
      o.soft_limit = calc->limits.soft;
      o.hard_limit = calc->limits.hard;
      o.limit_text = calc->limit_text;
      o.ordered_by = rx->id;
      o.ordered_ms = now;
      tx->insert_dose_order(o);
      audit.record(*tx, system, "dose.order", "dose_order", o.id);
    }
  }
  {
    // Two rooms and a recliner chair, and a few appointments today and in the next
    // two days (UTC), so that the day and week views have something to show.
    std::vector<RoomRow> rooms;
    for (auto [name, kind] :
         {std::pair{"Room 1", "room"}, std::pair{"Room 2", "room"}, std::pair{"Recliner chair A", "chair"}}) {
      RoomRow r{new_id(crypto, "room"), clinic.id, name, kind, true, now};
      tx->insert_room(r);
      audit.record(*tx, system, "calendar.room.create", "room", r.id);
      rooms.push_back(r);
    }
    const ClinicId cid{clinic.id};
    auto people = tx->patients(cid, PatientQuery{}, std::nullopt, 20);
    auto staff = tx->users(cid, "", 20);
    auto staff_id = [&](std::string_view email) {
      for (const auto& u : staff)
        if (u.email == email) return u.id;
      return std::string();
    };
    auto patient_id = [&](std::string_view given) {
      for (const auto& p : people)
        if (p.given_name == given) return p.id;
      return std::string();
    };
    const std::int64_t day = day_start(now) + 24LL * 3'600'000;  // tomorrow, 00:00 UTC
    constexpr std::int64_t kH = 3'600'000;
    struct DemoAppointment {
      std::string_view patient, type, route;
      int room;  // -1: none
      std::string_view staff;
      std::int64_t start_ms;
      int minutes;
    };
    const DemoAppointment demo[] = {
        {"Maya", "dosing_session", "iv", 0, "nurse@demo.test", day + 9 * kH, 90},
        {"Jonas", "dosing_session", "intranasal_esketamine", 1, "prescriber@demo.test", day + 9 * kH, 120},
        {"Rosa", "consultation", "", 0, "prescriber@demo.test", day + 13 * kH, 60},
        {"Samuel", "follow_up", "", 2, "nurse@demo.test", day + 14 * kH, 30},
        {"Lena", "telehealth_check_in", "", -1, "therapist@demo.test", day + 24 * kH + 10 * kH, 30},
        {"Tomás", "integration", "", 2, "therapist@demo.test", day + 24 * kH + 15 * kH, 60},
    };
    for (const auto& d : demo) {
      AppointmentRow a;
      a.id = new_id(crypto, "apt");
      a.clinic_id = clinic.id;
      a.patient_id = patient_id(d.patient);
      a.type = std::string(d.type);
      a.route = std::string(d.route);
      a.room_id = d.room >= 0 ? rooms[static_cast<std::size_t>(d.room)].id : "";
      a.staff_ids = {staff_id(d.staff)};
      a.start_ms = d.start_ms;
      a.end_ms = d.start_ms + d.minutes * 60'000LL;
      a.reminder_due_ms = d.start_ms - 24 * kH;
      a.created_ms = a.updated_ms = now;
      if (a.patient_id.empty() || a.staff_ids.front().empty()) continue;
      tx->insert_appointment(a);
      audit.record(*tx, system, "calendar.appointment.book", "appointment", a.id);
    }
  }
  tx->commit();
  return true;
}

}  // namespace kc::app
