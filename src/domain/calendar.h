// The calendar's rules: appointment types and their statuses, how long a dosing
// session must last for its route, the input checks of a booking (each naming its
// field), overlap and clash detection, and the preparation instructions a reminder
// carries.
//
// Intervals are half-open, [start, end): an appointment that ends at 10:00 and one
// that starts at 10:00 do not overlap. Times are UTC epoch milliseconds; the
// clinic's local display is the browser's business.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/route.h"

namespace kc {

enum class AppointmentType { consultation, screening, dosing_session, integration, follow_up, telehealth_check_in };

/// "consultation", "screening", "dosing_session", "integration", "follow_up", "telehealth_check_in".
std::string_view to_string(AppointmentType type);
std::optional<AppointmentType> parse_appointment_type(std::string_view code);
/// For people: "Dosing session", "Telehealth check-in", ...
std::string_view appointment_type_label(AppointmentType type);
std::span<const AppointmentType> all_appointment_types();
/// A telehealth check-in happens by video: it takes no room or chair.
bool needs_room(AppointmentType type);

enum class AppointmentStatus { booked, cancelled, completed, no_show };
std::string_view to_string(AppointmentStatus status);
std::optional<AppointmentStatus> parse_appointment_status(std::string_view code);
/// Only a booked appointment can be marked completed or no-show (cancelling has its
/// own action). Errors: conflict "appointment_not_booked"; invalid "status".
Result<AppointmentStatus> change_status(AppointmentStatus from, std::string_view to);

/// The clinic's calendar settings (docs/clinical-defaults.md gives each default's
/// source or says that none is published).
struct CalendarSettings {
  int consultation_minutes = 60;
  int screening_minutes = 60;
  /// IV session 60–90 minutes in clinic (reference §3); raised to a route's minimum.
  int dosing_session_minutes = 90;
  int integration_minutes = 60;
  int follow_up_minutes = 30;
  int telehealth_check_in_minutes = 30;
  /// IV infusion length: 0.5 mg/kg over 40 minutes (reference §1, Murrough 2013).
  int iv_infusion_minutes = 40;
  /// Observation after an IV infusion, and after an in-clinic IM, SC, sublingual or
  /// oral dose: no published number (clinic-practice setting).
  int racemic_observation_minutes = 30;
  /// Esketamine: at least 2 hours of observation (Spravato label). Never below 120.
  int esketamine_session_minutes = 120;
  /// How long before the start a reminder is due.
  int reminder_lead_hours = 24;
};

/// The least an esketamine session may be set to: the label's 2 hours.
inline constexpr int kEsketamineLabelMinutes = 120;

/// Checks every field of the settings; errors name it.
Status validate(const CalendarSettings& settings);

/// The clinic's default length of an appointment of `type`.
int default_minutes(const CalendarSettings& settings, AppointmentType type);
/// The shortest a dosing session by `route` may be: IV infusion + observation;
/// esketamine the clinic's session minutes (at least 120); other routes observation.
int minimum_dosing_minutes(const CalendarSettings& settings, Route route);
/// The default length for a new booking: the type's default, and for a dosing
/// session at least the route's minimum.
int default_minutes(const CalendarSettings& settings, AppointmentType type, std::optional<Route> route);

/// What a booking asks for, as decoded (unchecked).
struct BookingRequest {
  std::string type;
  std::string route;  // empty: none
  std::string patient_id;
  std::string room_id;  // empty: none
  std::vector<std::string> staff_ids;
  std::optional<std::int64_t> start_ms;
  std::optional<std::int64_t> end_ms;
  std::optional<int> duration_minutes;
};

struct CheckedBooking {
  AppointmentType type = AppointmentType::consultation;
  std::optional<Route> route;
  std::string patient_id, room_id;
  std::vector<std::string> staff_ids;
  std::int64_t start_ms = 0, end_ms = 0;
};

inline constexpr int kMaxAppointmentMinutes = 12 * 60;
inline constexpr std::size_t kMaxStaffPerAppointment = 6;

/// Checks a booking against the rules and fills in the defaults (the length from the
/// settings when neither end nor duration is given). Errors name the field: type,
/// route, patient_id, room_id, staff_ids, start, end, duration_minutes.
Result<CheckedBooking> check_booking(const BookingRequest& request, const CalendarSettings& settings);

/// True when [a_start, a_end) and [b_start, b_end) share a moment.
bool overlaps(std::int64_t a_start, std::int64_t a_end, std::int64_t b_start, std::int64_t b_end);

/// A booked (or wanted) appointment as the clash check sees it.
struct Slot {
  std::string id;
  std::string patient_id, room_id;
  std::vector<std::string> staff_ids;
  std::int64_t start_ms = 0, end_ms = 0;
};

struct Clash {
  std::string field;  // "room_id", "staff_ids" or "patient_id"
  std::string value;  // the room, staff member or patient in both
  Slot with;          // the appointment it clashes with
};

/// The first booked slot that overlaps `wanted` and shares its room, one of its staff
/// or its patient (checked in that order). Slots with wanted's own id are skipped.
std::optional<Clash> find_clash(const Slot& wanted, std::span<const Slot> booked);

/// What a reminder tells the patient: the preparation, in plain words.
struct ReminderText {
  std::string subject;
  std::string body;
  std::vector<std::string> instructions;  // the preparation lines, also in the body
};

/// The preparation for an appointment: for esketamine no food for 2 hours and no
/// drink for 30 minutes before (label, reference §1); for every dosing session an
/// adult escort home and no driving until the next day after sleep (Spravato and
/// Ketalar labels, reference §3).
std::vector<std::string> preparation_instructions(AppointmentType type, std::optional<Route> route);
/// The reminder: greeting, when (UTC, ISO 8601 and the written date), where, and the preparation.
ReminderText reminder_text(std::string_view given_name, AppointmentType type, std::optional<Route> route,
                           std::int64_t start_ms, std::string_view room_name, std::string_view clinic_name);
/// The cancellation notice.
ReminderText cancellation_text(std::string_view given_name, AppointmentType type, std::int64_t start_ms,
                               std::string_view clinic_name);

/// 00:00 UTC of the day of `ms`, and of the Monday of its week.
std::int64_t day_start(std::int64_t ms);
std::int64_t week_start(std::int64_t ms);

}  // namespace kc
