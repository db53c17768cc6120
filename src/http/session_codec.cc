#include "http/session_codec.h"

#include <cmath>

#include "domain/time.h"
#include "http/calendar_codec.h"

namespace kc::http {
namespace {

std::string named(std::string_view prefix, std::string_view name) { return std::string(prefix) + std::string(name); }

}  // namespace

Result<std::string> session_text(const json::object& o, std::string_view name, std::size_t max_size, bool required) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) {
    if (required) return Error::invalid(std::string(name), std::string(name) + " is required.");
    return std::string();
  }
  if (!it->value().is_string()) return Error::invalid(std::string(name), std::string(name) + " must be text.");
  if (it->value().as_string().size() > max_size)
    return Error::invalid(std::string(name),
                          std::string(name) + " is too long (" + std::to_string(max_size) + " characters at most).");
  if (required && it->value().as_string().empty())
    return Error::invalid(std::string(name), std::string(name) + " is required.");
  return std::string(it->value().as_string());
}

Result<bool> session_flag(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return false;
  if (!it->value().is_bool()) return Error::invalid(std::string(name), std::string(name) + " must be true or false.");
  return it->value().as_bool();
}

Result<std::optional<double>> session_number(const json::object& o, std::string_view name, std::string_view prefix) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return std::optional<double>{};
  const auto& v = it->value();
  double d = 0;
  if (v.is_int64())
    d = static_cast<double>(v.as_int64());
  else if (v.is_uint64())
    d = static_cast<double>(v.as_uint64());
  else if (v.is_double())
    d = v.as_double();
  else
    return Error::invalid(named(prefix, name), std::string(name) + " must be a number.");
  if (!std::isfinite(d)) return Error::invalid(named(prefix, name), std::string(name) + " must be a number.");
  return std::optional<double>{d};
}

Result<app::CheckInInput> decode_check_in(const json::object& body) {
  app::CheckInInput in;
  struct Flag {
    std::string_view name;
    bool* target;
  };
  for (auto f : {Flag{"escort_confirmed", &in.escort_confirmed}, Flag{"fasting_confirmed", &in.fasting_confirmed},
                 Flag{"pregnancy_status_current", &in.pregnancy_status_current},
                 Flag{"questionnaire_done", &in.questionnaire_done}}) {
    auto v = session_flag(body, f.name);
    if (!v) return v.error();
    *f.target = *v;
  }
  auto reason = session_text(body, "questionnaire_skip_reason", 500);
  if (!reason) return reason.error();
  in.questionnaire_skip_reason = *reason;
  return in;
}

Result<app::TransitionInput> decode_transition(const json::object& body) {
  app::TransitionInput in;
  auto t = session_text(body, "transition", 40, true);
  if (!t) return t.error();
  in.transition = *t;
  auto reason = session_text(body, "reason", 1000);
  if (!reason) return reason.error();
  in.reason = *reason;
  auto rate = session_number(body, "rate_ml_per_h");
  if (!rate) return rate.error();
  in.rate_ml_per_h = *rate;
  return in;
}

Result<std::vector<VitalReading>> decode_vitals(const json::object& body) {
  auto source = session_text(body, "source", 64);
  if (!source) return source.error();
  auto it = body.find("readings");
  if (it == body.end() || !it->value().is_array())
    return Error::invalid("readings", "readings must be a list of readings.");
  const auto& list = it->value().as_array();
  if (list.empty()) return Error::invalid("readings", "Send at least one reading.");
  if (list.size() > 600) return Error::invalid("readings", "Send at most 600 readings at once.");
  std::vector<VitalReading> out;
  out.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string prefix = "readings[" + std::to_string(i) + "].";
    if (!list[i].is_object()) return Error::invalid("readings[" + std::to_string(i) + "]", "A reading is an object.");
    const auto& o = list[i].as_object();
    VitalReading r;
    r.source = source->empty() ? "manual" : *source;
    if (auto at = o.find("at"); at != o.end() && !at->value().is_null()) {
      auto ms = at->value().is_string() ? parse_iso8601(at->value().as_string()) : std::nullopt;
      if (!ms || at->value().as_string().size() < 11)
        return Error::invalid(prefix + "at", "at must be a date and time in ISO 8601, e.g. 2026-11-23T09:00:00Z.");
      r.at_ms = *ms;
    }
    struct Sign {
      std::string_view name;
      std::optional<double>* target;
    };
    for (auto s : {Sign{"systolic_mmhg", &r.systolic_mmhg}, Sign{"diastolic_mmhg", &r.diastolic_mmhg},
                   Sign{"heart_rate_bpm", &r.heart_rate_bpm}, Sign{"spo2_pct", &r.spo2_pct},
                   Sign{"respiratory_rate_per_min", &r.respiratory_rate_per_min}}) {
      auto v = session_number(o, s.name, prefix);
      if (!v) return v.error();
      *s.target = *v;
    }
    out.push_back(std::move(r));
  }
  return out;
}

Result<EffectEntry> decode_effect(const json::object& body) {
  EffectEntry e;
  auto kind = session_text(body, "kind", 40, true);
  if (!kind) return kind.error();
  auto k = parse_effect_kind(*kind);
  if (!k) return Error::invalid("kind", "Unknown effect \"" + *kind + "\".");
  e.kind = *k;
  auto severity = session_text(body, "severity", 20, true);
  if (!severity) return severity.error();
  auto sev = parse_severity(*severity);
  if (!sev) return Error::invalid("severity", "severity is mild, moderate or severe.");
  e.severity = *sev;
  auto outcome = session_text(body, "outcome", 40);
  if (!outcome) return outcome.error();
  if (!outcome->empty()) {
    auto o = parse_effect_outcome(*outcome);
    if (!o) return Error::invalid("outcome", "Unknown outcome \"" + *outcome + "\".");
    e.outcome = *o;
  }
  for (auto [name, target, max] :
       {std::tuple{"description", &e.description, 2000}, std::tuple{"intervention", &e.intervention, 2000},
        std::tuple{"narrative", &e.narrative, 20000}}) {
    auto v = session_text(body, name, static_cast<std::size_t>(max));
    if (!v) return v.error();
    *target = *v;
  }
  auto serious = session_flag(body, "serious");
  if (!serious) return serious.error();
  e.serious = *serious;
  if (auto at = body.find("at"); at != body.end() && !at->value().is_null()) {
    auto ms = at->value().is_string() ? parse_iso8601(at->value().as_string()) : std::nullopt;
    if (!ms) return Error::invalid("at", "at must be a date and time in ISO 8601.");
    e.at_ms = *ms;
  }
  return e;
}

Result<RescueMedicine> decode_rescue_medicine(const json::object& body) {
  RescueMedicine m;
  for (auto [name, target] :
       {std::pair{"drug", &m.drug}, std::pair{"route", &m.route}, std::pair{"reason", &m.reason}}) {
    auto v = session_text(body, name, 200);
    if (!v) return v.error();
    *target = *v;
  }
  auto dose = session_number(body, "dose_mg");
  if (!dose) return dose.error();
  m.dose_mg = dose->value_or(0);
  if (auto at = body.find("at"); at != body.end() && !at->value().is_null()) {
    auto ms = at->value().is_string() ? parse_iso8601(at->value().as_string()) : std::nullopt;
    if (!ms) return Error::invalid("at", "at must be a date and time in ISO 8601.");
    m.at_ms = *ms;
  }
  return m;
}

Result<app::AldreteObservation> decode_aldrete(const json::object& body) {
  app::AldreteObservation o;
  for (auto [name, target] : {std::pair{"activity", &o.activity}, std::pair{"respiration", &o.respiration},
                              std::pair{"consciousness", &o.consciousness}}) {
    auto it = body.find(name);
    if (it == body.end() || it->value().is_null()) continue;
    if (!it->value().is_int64()) return Error::invalid(name, std::string(name) + " is a score of 0, 1 or 2.");
    *target = static_cast<int>(std::clamp<std::int64_t>(it->value().as_int64(), -1, 3));
  }
  auto it = body.find("on_room_air");
  if (it != body.end() && !it->value().is_null()) {
    if (!it->value().is_bool()) return Error::invalid("on_room_air", "on_room_air must be true or false.");
    o.on_room_air = it->value().as_bool();
  }
  return o;
}

Result<app::SessionSettingsPatch> decode_session_settings(const json::object& body) {
  app::SessionSettingsPatch patch;
  for (const auto& [key, value] : body) {
    const std::string name(key);
    if (name.size() > 60) return Error::invalid("settings", "Unknown setting.");
    if (!value.is_int64() || value.as_int64() < -100'000 || value.as_int64() > 100'000)
      return Error::invalid(name, name + " must be a whole number.");
    patch[name] = static_cast<int>(value.as_int64());
  }
  if (patch.empty()) return Error::invalid("settings", "Give at least one setting to change.");
  return patch;
}

Result<app::BookingInput> decode_follow_up(const json::object& body) {
  json::object copy = body;
  copy["patient_id"] = "the-session's";  // replaced by the session's patient
  if (copy.find("staff_ids") == copy.end()) copy["staff_ids"] = json::array{};
  return decode_booking(copy);
}

}  // namespace kc::http
