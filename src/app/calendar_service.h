// The calendar: rooms and chairs, the clinic's calendar settings, booking one
// appointment or a series (all or nothing), cancelling (which frees the slot and,
// for an appointment holding a waiting-list program's place, offers it to the next
// person waiting), marking completed or no-show, day and week views, and a patient's
// appointments.
//
// Double bookings are refused: a booking locks the patient, room and staff rows it
// involves (Transaction::lock_booking_resources) before it looks for overlapping
// booked appointments, so two concurrent requests for the same slot cannot both pass
// the check. Every write is audited in its own transaction. A booking writes a
// reminder with the preparation instructions to the outbox; a cancellation writes a
// cancellation notice. The outbox has no send-after column: the time a reminder is
// due is stored on the appointment (reminder_due_ms) and written in the message's
// first line; delivery is the delivery service's job, not ours.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/events.h"
#include "app/ports.h"
#include "app/store.h"
#include "domain/calendar.h"
#include "domain/result.h"

namespace kc::app {

/// The settings a clinic starts with (docs/clinical-defaults.md gives their sources).
CalendarSettingsRow default_calendar_settings(const ClinicId& clinic);
CalendarSettings to_domain(const CalendarSettingsRow& row);

struct RoomInput {
  std::optional<std::string> name, kind;
  std::optional<bool> active;
};

/// A partial change of the settings: only the named fields change.
struct CalendarSettingsPatch {
  std::vector<std::pair<std::string, int>> values;  // field name -> value
};

struct BookingInput {
  BookingRequest request;
  std::string program_id, plan_id;
  int session_number = 0;
};

/// What a refused double booking clashed with (filled on error code double_booking).
struct BookingClash {
  int item_index = -1;  // in a batch; -1 for a single booking
  std::string field;    // room_id | staff_ids | patient_id (batch: items[i].room_id ...)
  std::string value;
  AppointmentRow with;  // the clashing appointment; id empty when it is another item of the batch
  int with_item_index = -1;
};

struct AppointmentView {
  AppointmentRow appointment;
  PatientRow patient;
  std::optional<RoomRow> room;
  std::vector<UserRow> staff;  // password hashes left empty
  std::vector<std::string> preparation;
};

struct BookedAppointment {
  AppointmentView view;
  OutboxRow reminder;
};

struct CancelResult {
  AppointmentView view;
  OutboxRow notice;
  std::string offered_entry_id;  // the waiting-list entry offered the freed place; empty: none
};

class CalendarService {
 public:
  CalendarService(Store& store, Crypto& crypto, const Clock& clock)
      : store_(store), crypto_(crypto), clock_(clock), audit_(crypto, clock) {}

  /// Live screens: appointment.booked, appointment.cancelled and appointment.status go
  /// to `events` after commit, with the appointment's id and room only.
  void announce_to(EventBus& events) { events_ = &events; }

  Result<std::vector<RoomRow>> rooms(const Caller& caller);
  Result<RoomRow> create_room(const Caller& caller, const RoomInput& input);
  Result<RoomRow> update_room(const Caller& caller, const std::string& id, const RoomInput& input);

  /// The clinic's enabled staff, who may be booked (password hashes left empty).
  Result<std::vector<UserRow>> bookable_staff(const Caller& caller);

  Result<CalendarSettingsRow> settings(const Caller& caller);
  Result<CalendarSettingsRow> update_settings(const Caller& caller, const CalendarSettingsPatch& patch);

  /// Books one appointment. A double booking is a conflict "double_booking" whose
  /// field names the clash; `clash` (if given) receives the details.
  Result<BookedAppointment> book(const Caller& caller, const BookingInput& input, BookingClash* clash = nullptr);
  /// Books every item or none. Errors name the item: "items[2].room_id".
  Result<std::vector<BookedAppointment>> book_batch(const Caller& caller, const std::vector<BookingInput>& items,
                                                    BookingClash* clash = nullptr);
  Result<CancelResult> cancel(const Caller& caller, const std::string& id, const std::string& reason);
  Result<AppointmentView> set_status(const Caller& caller, const std::string& id, const std::string& status);

  Result<AppointmentView> appointment(const Caller& caller, const std::string& id);
  /// Appointments overlapping [from, to) (at most 42 days), optionally of one room.
  Result<std::vector<AppointmentView>> between(const Caller& caller, std::int64_t from_ms, std::int64_t to_ms,
                                               const std::string& room_id);
  Result<std::vector<AppointmentView>> patient_appointments(const Caller& caller, const std::string& patient_id);

  /// The patient's next booked dosing session: the earliest one that has not ended
  /// by `now_ms` (one in progress counts). For the integrator's "ready to start".
  static std::optional<AppointmentRow> next_dosing_session(Transaction& tx, const ClinicId& clinic,
                                                           const std::string& patient_id, std::int64_t now_ms);

 private:
  Result<std::vector<BookedAppointment>> book_all(const Caller& caller, const std::vector<BookingInput>& items,
                                                  bool batch, BookingClash* clash);
  AppointmentView view_of(Transaction& tx, const ClinicId& clinic, const AppointmentRow& a);
  void announce(const ClinicId& clinic, std::string_view type, const AppointmentRow& a);
  std::string offer_freed_place(Transaction& tx, const Caller& caller, const AppointmentRow& a);
  OutboxRow message(const ClinicId& clinic, const Demographics& d, const PatientRow& p, const ReminderText& text,
                    const std::string& appointment_id, const std::string& prefix);

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog audit_;
  EventBus* events_ = nullptr;
};

}  // namespace kc::app
