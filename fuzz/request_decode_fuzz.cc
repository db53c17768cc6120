// Fuzzes request decoding: raw bytes through Beast's HTTP parser (with the server's
// limits), then our target, cookie, JSON-body, timestamp and questionnaire-answer
// parsers. Nothing may crash, hang, leak or trip a sanitizer, whatever the bytes.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/measure_service.h"
#include "domain/calendar.h"
#include "domain/consent.h"
#include "domain/demographics.h"
#include "domain/dose.h"
#include "domain/effects.h"
#include "domain/instruments.h"
#include "domain/measurement.h"
#include "domain/record_entries.h"
#include "domain/recovery.h"
#include "domain/time.h"
#include "domain/vitals.h"
#include "http/api_dose.h"
#include "http/calendar_codec.h"
#include "http/consent_codec.h"
#include "http/json_codec.h"
#include "http/outcome_codec.h"
#include "http/plans_codec.h"
#include "http/request.h"
#include "http/session_codec.h"

namespace bhttp = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  bhttp::request_parser<bhttp::string_body> parser;
  parser.eager(true);
  parser.body_limit(1024 * 1024);
  parser.header_limit(16 * 1024);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
  if (!ec && parser.is_done()) {
    const auto& m = parser.get();
    auto target = kc::http::parse_target(std::string_view(m.target().data(), m.target().size()));
    (void)target;
    auto cookie = m[bhttp::field::cookie];
    (void)kc::http::cookie_value(std::string_view(cookie.data(), cookie.size()), "kc_session");
    auto body = kc::http::parse_object(m.body());
    if (body) {
      (void)kc::http::string_field(*body, "email");
      (void)kc::http::string_list_field(*body, "roles");
    }
  }
  // The same bytes as a bare target, body and timestamp.
  (void)kc::http::parse_target(bytes);
  (void)kc::http::parse_object(bytes);
  (void)kc::parse_iso8601(bytes);
  (void)kc::parse_date(bytes.substr(0, 10));
  // The same bytes in every field of the patient record's validators.
  kc::Demographics d;
  for (const auto& f : kc::demographics_fields()) d.*f.member = std::string(bytes);
  const kc::Date birth{2010, 1, 1}, today{2026, 11, 21};
  (void)kc::validate_demographics(d, birth, today);
  (void)kc::validate_measurement({std::nullopt, 170, std::string(bytes), std::string(bytes)}, birth, today);
  (void)kc::validate_allergy({std::string(bytes), std::string(bytes)});
  (void)kc::validate_baseline_test({std::string(bytes), std::string(bytes), std::string(bytes)}, birth, today);
  // Questionnaire answers: as a JSON body, scored by every instrument, and as stored text.
  if (auto body = kc::http::parse_object(bytes)) {
    if (auto answers = kc::http::answers_field(*body, "answers")) {
      for (const auto& inst : kc::instruments()) {
        (void)kc::check_answers(inst, *answers);
        if (auto scored = kc::score(inst, *answers))
          (void)kc::risk_signals(inst, *answers, scored->total, 0, kc::RiskSettings{});
      }
    }
  }
  auto stored = kc::app::decode_answers(std::string(bytes));
  (void)kc::app::encode_answers(stored);
  // Consent: the bodies of the consent routes, and the same bytes as a document's
  // Markdown, its sections, publishing check and a signature against it.
  if (auto body = kc::http::parse_object(bytes)) {
    (void)kc::http::decode_consent_draft(*body);
    (void)kc::http::decode_consent_edit(*body);
    (void)kc::http::decode_consent_reason(*body);
    if (auto sig = kc::http::decode_consent_signature(*body)) {
      const auto sections = kc::consent_sections(sig->typed_name);
      (void)kc::check_signature(
          {sig->typed_name, sig->acknowledged_sections, sig->guardian_name, sig->guardian_relationship}, sections,
          {std::string(bytes), "x", birth, sig->guardian_name}, today);
    }
  }
  (void)kc::consent_sections(bytes);
  (void)kc::check_publishable(bytes);
  (void)kc::check_consent_draft(bytes, bytes);
  (void)kc::required_section_of(bytes);
  (void)kc::comparable_name(bytes);
  // Plan, PK simulation and plan-settings bodies: decoded, then checked and run by the
  // domain as the use case would (a decoded simulation is simulated).
  if (auto body = kc::http::parse_object(bytes)) {
    if (auto plan = kc::http::decode_plan_input(*body)) {
      (void)kc::validate_plan(plan->plan, {"F33.2"}, kc::PlanLimits{});
      (void)kc::propose_sessions(plan->plan, {2026, 11, 23}, 8);
      (void)kc::version_reason(2, plan->reason);
    }
    if (auto sim = kc::http::decode_simulation(*body)) {
      kc::PkInput in;
      in.model = &kc::clements_model();
      in.route = sim->route;
      in.weight_kg = sim->weight_kg;
      in.absorption_per_h = 2.7;
      in.doses = sim->doses;
      in.minutes = std::min(sim->minutes, 120);  // bounded: the fuzzer must stay fast
      (void)kc::simulate_pk(in);
    }
    (void)kc::http::decode_plan_settings(*body);
  }
  // Dose bodies: the request, the double check and the settings, then the domain's
  // arithmetic on whatever decoded (nothing may overflow or crash).
  if (auto body = kc::http::parse_object(bytes)) {
    (void)kc::http::decode_dose_check(*body);
    (void)kc::http::decode_dose_settings(*body);
    if (auto req = kc::http::decode_dose_request(*body)) {
      kc::DoseInput in;
      in.route = kc::parse_route(req->route).value_or(kc::Route::iv);
      if (req->mg_per_kg) in.rule.ug_per_kg = kc::to_milli(*req->mg_per_kg);
      if (req->dose_mg) in.rule.dose_ug = kc::to_milli(*req->dose_mg);
      in.rule.infusion_minutes = req->infusion_minutes;
      if (req->concentration_mg_per_ml) in.concentration_ug_per_ml = kc::to_milli(*req->concentration_mg_per_ml);
      in.weight = kc::WeightOn{70'000, {2026, 11, 20}};
      in.today = today;
      kc::DoseProtocol p;
      for (auto r : kc::all_routes()) p.limits_of(r) = {1'000, 4'500};
      p.max_weight_age_days = 30;
      p.min_infusion_minutes = 2;
      p.max_infusion_minutes = 100;
      p.max_concentration_ug_per_ml = 100'000;
      if (auto calc = kc::calculate_dose(in, p)) (void)kc::authorize_limit(*calc, req->override_reason);
    }
  }
  // Booking bodies, a series, rooms and settings; a decoded booking is then checked
  // by the domain against the default settings.
  if (auto body = kc::http::parse_object(bytes)) {
    if (auto booking = kc::http::decode_booking(*body)) (void)kc::check_booking(booking->request, {});
    if (auto items = kc::http::decode_booking_batch(*body))
      for (const auto& item : *items) (void)kc::check_booking(item.request, {});
    (void)kc::http::decode_room(*body);
    (void)kc::http::decode_calendar_settings(*body);
  }
  // The monitored session's bodies; decoded readings go through the reading check
  // and an alarm engine, effects through their check, Aldrete observations through
  // the score.
  if (auto body = kc::http::parse_object(bytes)) {
    (void)kc::http::decode_check_in(*body);
    (void)kc::http::decode_transition(*body);
    (void)kc::http::decode_follow_up(*body);
    if (auto patch = kc::http::decode_session_settings(*body)) {
      kc::SessionProtocol p;
      for (const auto& f : kc::session_protocol_fields())
        if (auto it = patch->find(std::string(f.name)); it != patch->end()) p.*f.member = it->second;
      if (kc::check_protocol(p)) (void)kc::alarm_rules(p);
    }
    if (auto readings = kc::http::decode_vitals(*body)) {
      kc::AlarmEngine engine(kc::default_alarm_rules(), {60'000, 120'000});
      std::stable_sort(readings->begin(), readings->end(),
                       [](const auto& a, const auto& b) { return a.at_ms < b.at_ms; });
      for (auto& r : *readings)
        if (kc::check_reading(r)) (void)engine.on_reading(r);
      (void)engine.on_tick(1'800'000'000'000, true);
    }
    if (auto effect = kc::http::decode_effect(*body)) (void)kc::check_effect(*effect);
    if (auto rescue = kc::http::decode_rescue_medicine(*body)) (void)kc::check_rescue_medicine(*rescue);
    if (auto o = kc::http::decode_aldrete(*body))
      (void)kc::aldrete({o->activity.value_or(-1), o->respiration.value_or(-1), o->consciousness.value_or(-1), 150, 140,
                         97, o->on_room_air});
  }
  // Follow-up and outcomes: settings (a decoded patch applied and checked by the
  // domain), follow-up plans, check-ins, and the dashboard's query read as a filter.
  if (auto body = kc::http::parse_object(bytes)) {
    if (auto patch = kc::http::decode_outcome_settings(*body)) {
      kc::OutcomeSettings s;
      if (patch->follow_up_interval_days) s.follow_up_interval_days = *patch->follow_up_interval_days;
      if (patch->follow_up_instruments) s.follow_up_instruments = *patch->follow_up_instruments;
      if (patch->max_sessions_per_30_days) s.max_sessions_per_30_days = *patch->max_sessions_per_30_days;
      if (patch->max_ug_per_kg_per_30_days) s.max_ug_per_kg_per_30_days = *patch->max_ug_per_kg_per_30_days;
      (void)kc::check_outcome_settings(s);
    }
    (void)kc::http::decode_follow_up_plan(*body);
    (void)kc::http::decode_follow_up_check_in(*body);
  }
  if (auto target = kc::http::parse_target(std::string("/api/v1/dashboards/outcomes?") + std::string(bytes)))
    if (auto q = kc::http::decode_dashboard_query(target->second))
      (void)kc::app::dashboard_filter(*q, kc::Date{2026, 11, 21});
  return 0;
}
