#include "domain/calendar.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "domain/time.h"

namespace kc {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kDayMs = 24 * 60 * kMinuteMs;

struct TypeInfo {
  AppointmentType type;
  std::string_view code, label;
};

constexpr std::array kTypes{
    TypeInfo{AppointmentType::consultation, "consultation", "Consultation"},
    TypeInfo{AppointmentType::screening, "screening", "Screening"},
    TypeInfo{AppointmentType::dosing_session, "dosing_session", "Dosing session"},
    TypeInfo{AppointmentType::integration, "integration", "Integration session"},
    TypeInfo{AppointmentType::follow_up, "follow_up", "Follow-up"},
    TypeInfo{AppointmentType::telehealth_check_in, "telehealth_check_in", "Telehealth check-in"},
};

constexpr std::array kAllTypes{AppointmentType::consultation,   AppointmentType::screening,
                               AppointmentType::dosing_session, AppointmentType::integration,
                               AppointmentType::follow_up,      AppointmentType::telehealth_check_in};

constexpr std::array<std::pair<AppointmentStatus, std::string_view>, 4> kStatuses{{
    {AppointmentStatus::booked, "booked"},
    {AppointmentStatus::cancelled, "cancelled"},
    {AppointmentStatus::completed, "completed"},
    {AppointmentStatus::no_show, "no_show"},
}};

/// "dosing session": the label as it reads inside a sentence.
std::string in_sentence(AppointmentType type) {
  std::string text(appointment_type_label(type));
  if (!text.empty()) text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

std::string with_article(std::string_view noun) {
  const bool vowel = !noun.empty() && std::string_view("AEIOUaeiou").find(noun.front()) != std::string_view::npos;
  std::string text(noun);
  // "Intranasal esketamine" reads "an intranasal esketamine"; "IV infusion" keeps its capitals.
  if (text.size() > 1 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'a' && text[1] <= 'z')
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return (vowel ? "An " : "A ") + text;
}

std::string when_text(std::int64_t start_ms) {
  // "2026-11-23 at 09:00 UTC": plain, unambiguous, no locale.
  const auto iso = format_iso8601(start_ms);
  return iso.substr(0, 10) + " at " + iso.substr(11, 5) + " UTC";
}

}  // namespace

std::string_view to_string(AppointmentType type) {
  for (const auto& t : kTypes)
    if (t.type == type) return t.code;
  return "unknown";
}

std::optional<AppointmentType> parse_appointment_type(std::string_view code) {
  for (const auto& t : kTypes)
    if (t.code == code) return t.type;
  return std::nullopt;
}

std::string_view appointment_type_label(AppointmentType type) {
  for (const auto& t : kTypes)
    if (t.type == type) return t.label;
  return "Appointment";
}

std::span<const AppointmentType> all_appointment_types() { return kAllTypes; }

bool needs_room(AppointmentType type) { return type != AppointmentType::telehealth_check_in; }

std::string_view to_string(AppointmentStatus status) {
  for (const auto& [s, code] : kStatuses)
    if (s == status) return code;
  return "unknown";
}

std::optional<AppointmentStatus> parse_appointment_status(std::string_view code) {
  for (const auto& [s, c] : kStatuses)
    if (c == code) return s;
  return std::nullopt;
}

Result<AppointmentStatus> change_status(AppointmentStatus from, std::string_view to) {
  auto next = parse_appointment_status(to);
  if (!next || (*next != AppointmentStatus::completed && *next != AppointmentStatus::no_show))
    return Error::invalid("status", "Status must be completed or no_show (cancel has its own action).");
  if (from != AppointmentStatus::booked)
    return Error::conflict("appointment_not_booked",
                           "Only a booked appointment can be marked; this one is " + std::string(to_string(from)) + ".",
                           "status");
  return *next;
}

Status validate(const CalendarSettings& s) {
  struct Range {
    std::string_view field;
    int value, lo, hi;
  };
  for (const auto& r : {
           Range{"consultation_minutes", s.consultation_minutes, 5, kMaxAppointmentMinutes},
           Range{"screening_minutes", s.screening_minutes, 5, kMaxAppointmentMinutes},
           Range{"dosing_session_minutes", s.dosing_session_minutes, 5, kMaxAppointmentMinutes},
           Range{"integration_minutes", s.integration_minutes, 5, kMaxAppointmentMinutes},
           Range{"follow_up_minutes", s.follow_up_minutes, 5, kMaxAppointmentMinutes},
           Range{"telehealth_check_in_minutes", s.telehealth_check_in_minutes, 5, kMaxAppointmentMinutes},
           Range{"iv_infusion_minutes", s.iv_infusion_minutes, 1, 480},
           Range{"racemic_observation_minutes", s.racemic_observation_minutes, 0, 480},
           Range{"esketamine_session_minutes", s.esketamine_session_minutes, kEsketamineLabelMinutes,
                 kMaxAppointmentMinutes},
           Range{"reminder_lead_hours", s.reminder_lead_hours, 1, 168},
       }) {
    if (r.value < r.lo || r.value > r.hi) {
      std::string msg =
          std::string(r.field) + " must be from " + std::to_string(r.lo) + " to " + std::to_string(r.hi) + ".";
      if (r.field == "esketamine_session_minutes")
        msg += " The Spravato label requires at least 2 hours of observation after esketamine.";
      return Error::invalid(std::string(r.field), msg);
    }
  }
  if (s.iv_infusion_minutes + s.racemic_observation_minutes > kMaxAppointmentMinutes)
    return Error::invalid("racemic_observation_minutes", "Infusion and observation together exceed 12 hours.");
  return Ok{};
}

int default_minutes(const CalendarSettings& s, AppointmentType type) {
  switch (type) {
    case AppointmentType::consultation:
      return s.consultation_minutes;
    case AppointmentType::screening:
      return s.screening_minutes;
    case AppointmentType::dosing_session:
      return s.dosing_session_minutes;
    case AppointmentType::integration:
      return s.integration_minutes;
    case AppointmentType::follow_up:
      return s.follow_up_minutes;
    case AppointmentType::telehealth_check_in:
      return s.telehealth_check_in_minutes;
  }
  return s.consultation_minutes;
}

int minimum_dosing_minutes(const CalendarSettings& s, Route route) {
  if (route == Route::intranasal_esketamine) return std::max(s.esketamine_session_minutes, kEsketamineLabelMinutes);
  if (is_infusion(route)) return s.iv_infusion_minutes + s.racemic_observation_minutes;
  return s.racemic_observation_minutes;
}

int default_minutes(const CalendarSettings& s, AppointmentType type, std::optional<Route> route) {
  int minutes = default_minutes(s, type);
  if (type == AppointmentType::dosing_session && route) minutes = std::max(minutes, minimum_dosing_minutes(s, *route));
  return minutes;
}

Result<CheckedBooking> check_booking(const BookingRequest& r, const CalendarSettings& settings) {
  CheckedBooking out;
  auto type = parse_appointment_type(r.type);
  if (!type)
    return Error::invalid("type",
                          "Type must be one of consultation, screening, dosing_session, integration, follow_up, "
                          "telehealth_check_in.");
  out.type = *type;
  if (*type == AppointmentType::dosing_session) {
    if (r.route.empty()) return Error::invalid("route", "A dosing session needs its route (for example iv).");
    out.route = parse_route(r.route);
    if (!out.route)
      return Error::invalid("route", "Route must be one of iv, im, sc, intranasal_esketamine, sublingual, oral.");
  } else if (!r.route.empty()) {
    return Error::invalid("route", "Only a dosing session has a route.");
  }
  if (r.patient_id.empty()) return Error::invalid("patient_id", "Choose the patient.");
  out.patient_id = r.patient_id;
  if (needs_room(*type) && r.room_id.empty()) return Error::invalid("room_id", "Choose a room or chair.");
  if (!needs_room(*type) && !r.room_id.empty())
    return Error::invalid("room_id", "A telehealth check-in takes no room or chair.");
  out.room_id = r.room_id;
  if (r.staff_ids.empty()) return Error::invalid("staff_ids", "Choose at least one member of staff.");
  if (r.staff_ids.size() > kMaxStaffPerAppointment)
    return Error::invalid("staff_ids", "At most " + std::to_string(kMaxStaffPerAppointment) + " staff members.");
  std::set<std::string> seen;
  for (const auto& id : r.staff_ids) {
    if (id.empty()) return Error::invalid("staff_ids", "A staff id is empty.");
    if (!seen.insert(id).second) return Error::invalid("staff_ids", "The same staff member is named twice.");
  }
  out.staff_ids = r.staff_ids;
  if (!r.start_ms)
    return Error::invalid("start", "Start must be a date and time (ISO 8601, e.g. 2026-11-23T09:00:00Z).");
  out.start_ms = *r.start_ms;

  std::string length_field = "duration_minutes";
  if (r.end_ms && r.duration_minutes) return Error::invalid("end", "Give either end or duration_minutes, not both.");
  if (r.end_ms) {
    length_field = "end";
    if (*r.end_ms <= out.start_ms) return Error::invalid("end", "End must be after the start.");
    if (*r.end_ms - out.start_ms > kMaxAppointmentMinutes * kMinuteMs)
      return Error::invalid("end", "An appointment lasts at most 12 hours.");
    if ((*r.end_ms - out.start_ms) % kMinuteMs != 0)
      return Error::invalid("end", "End must fall on a whole minute after the start.");
    out.end_ms = *r.end_ms;
  } else {
    const int minutes = r.duration_minutes ? *r.duration_minutes : default_minutes(settings, *type, out.route);
    if (minutes < 5 || minutes > kMaxAppointmentMinutes)
      return Error::invalid("duration_minutes", "duration_minutes must be from 5 to 720.");
    out.end_ms = out.start_ms + minutes * kMinuteMs;
  }
  if (out.route) {
    const int minimum = minimum_dosing_minutes(settings, *out.route);
    const auto minutes = (out.end_ms - out.start_ms) / kMinuteMs;
    if (minutes < minimum) {
      std::string why = *out.route == Route::intranasal_esketamine
                            ? "the Spravato label requires at least 2 hours of observation after esketamine"
                        : is_infusion(*out.route)
                            ? "the clinic's infusion (" + std::to_string(settings.iv_infusion_minutes) +
                                  " min) plus observation (" + std::to_string(settings.racemic_observation_minutes) +
                                  " min)"
                            : "the clinic's observation time after a dose";
      return Error::invalid(length_field,
                            with_article(route_label(*out.route)) + " dosing session must last at least " +
                                std::to_string(minimum) + " minutes (" + why + "); this one lasts " +
                                std::to_string(minutes) + ".",
                            "session_too_short");
    }
  }
  return out;
}

bool overlaps(std::int64_t a_start, std::int64_t a_end, std::int64_t b_start, std::int64_t b_end) {
  return a_start < b_end && b_start < a_end;
}

std::optional<Clash> find_clash(const Slot& wanted, std::span<const Slot> booked) {
  std::vector<const Slot*> hits;
  for (const auto& b : booked)
    if ((wanted.id.empty() || b.id != wanted.id) && overlaps(wanted.start_ms, wanted.end_ms, b.start_ms, b.end_ms))
      hits.push_back(&b);
  if (!wanted.room_id.empty())
    for (const auto* b : hits)
      if (b->room_id == wanted.room_id) return Clash{"room_id", wanted.room_id, *b};
  for (const auto* b : hits)
    for (const auto& s : wanted.staff_ids)
      if (std::find(b->staff_ids.begin(), b->staff_ids.end(), s) != b->staff_ids.end())
        return Clash{"staff_ids", s, *b};
  for (const auto* b : hits)
    if (b->patient_id == wanted.patient_id) return Clash{"patient_id", wanted.patient_id, *b};
  return std::nullopt;
}

std::vector<std::string> preparation_instructions(AppointmentType type, std::optional<Route> route) {
  std::vector<std::string> out;
  if (type == AppointmentType::dosing_session) {
    if (route == Route::intranasal_esketamine) {
      out.emplace_back("Do not eat anything for 2 hours before your appointment.");
      out.emplace_back("Do not drink anything, not even water, for 30 minutes before your appointment.");
    }
    out.emplace_back("Bring an adult who can take you home after the session. You cannot leave on your own.");
    out.emplace_back(
        "Do not drive, cycle or use machinery after the session until the next day, after a night's sleep.");
    out.emplace_back("Plan to stay at the clinic until the staff say you are ready to go home.");
  } else if (type == AppointmentType::telehealth_check_in) {
    out.emplace_back("Join the video call from a quiet, private place a few minutes before the start.");
  }
  return out;
}

ReminderText reminder_text(std::string_view given_name, AppointmentType type, std::optional<Route> route,
                           std::int64_t start_ms, std::string_view room_name, std::string_view clinic_name) {
  ReminderText r;
  r.instructions = preparation_instructions(type, route);
  const std::string what = in_sentence(type);
  r.subject = "Reminder: your " + what + " on " + when_text(start_ms);
  r.body = "Dear " + std::string(given_name) + ",\n\nThis is a reminder of your " + what + " at " +
           std::string(clinic_name) + " on " + when_text(start_ms) + " (" + format_iso8601(start_ms) + ")";
  if (!room_name.empty()) r.body += ", in " + std::string(room_name);
  if (type == AppointmentType::telehealth_check_in) r.body += ", by video";
  r.body += ".\n";
  if (!r.instructions.empty()) {
    r.body += "\nHow to prepare:\n";
    for (const auto& line : r.instructions) r.body += "- " + line + "\n";
  }
  r.body += "\nIf you cannot come, please tell the clinic as soon as you can.";
  return r;
}

ReminderText cancellation_text(std::string_view given_name, AppointmentType type, std::int64_t start_ms,
                               std::string_view clinic_name) {
  ReminderText r;
  const std::string what = in_sentence(type);
  r.subject = "Cancelled: your " + what + " on " + when_text(start_ms);
  r.body = "Dear " + std::string(given_name) + ",\n\nYour " + what + " at " + std::string(clinic_name) + " on " +
           when_text(start_ms) + " has been cancelled. The clinic will contact you to arrange another time.";
  return r;
}

std::int64_t day_start(std::int64_t ms) {
  auto d = ms / kDayMs;
  if (ms % kDayMs < 0) --d;
  return d * kDayMs;
}

std::int64_t week_start(std::int64_t ms) {
  const std::int64_t day = day_start(ms) / kDayMs;       // 1970-01-01 was a Thursday
  const std::int64_t weekday = ((day + 3) % 7 + 7) % 7;  // 0 = Monday
  return (day - weekday) * kDayMs;
}

}  // namespace kc
