#include "store/hot_statements.h"

namespace kc::store {

SessionLookup::SessionLookup(soci::session& session) : query_(session) {
  query_.arg(std::string());
  auto& s = row_.session;
  query_.into(s.token_hash);
  query_.into(s.user_id);
  query_.into(s.clinic_id);
  query_.into(s.csrf_token);
  query_.into(session_created_);
  query_.into(session_seen_);
  query_.into(revoked_);
  user_.bind(query_);
  query_.into(row_.clinic.id);
  query_.into(row_.clinic.name);
  query_.into(clinic_created_);
  query_.prepare(
      "SELECT s.token_hash, s.user_id, s.clinic_id, s.csrf_token, s.created_ms, s.last_seen_ms, s.revoked, "
      "u.id, u.clinic_id, u.email, u.display_name, '', u.roles, u.disabled, u.failed_logins, u.locked_until_ms, "
      "u.created_ms, c.id, c.name, c.created_ms FROM sessions s "
      "JOIN users u ON u.id = s.user_id AND u.clinic_id = s.clinic_id JOIN clinics c ON c.id = s.clinic_id "
      "WHERE s.token_hash = :t");
}

std::optional<app::SessionContext> SessionLookup::find(std::string_view token_hash) {
  query_.string_arg(0) = token_hash;
  query_.rerun();
  if (!query_.fetch()) return std::nullopt;
  app::SessionContext c = row_;
  c.session.created_ms = session_created_;
  c.session.last_seen_ms = session_seen_;
  c.session.revoked = revoked_ != 0;
  c.user = user_.take();
  c.clinic.created_ms = clinic_created_;
  while (query_.fetch()) {
  }  // token_hash is unique: at most one row; finish the cursor
  return c;
}

VitalsInsert::VitalsInsert(soci::session& session) : query_(session) {
  // Strings: 0 clinic, 1 session, 2 source, 3 recorded_by. Integers: 0 at, 1..5 the
  // signs, 6 recorded (in placeholder order).
  query_.arg(std::string());
  query_.arg(std::string());
  for (int i = 0; i < 6; ++i) query_.arg(0LL);
  query_.arg(std::string());
  query_.arg(std::string());
  query_.arg(0LL);
  query_.prepare(
      "INSERT INTO vital_readings (clinic_id, session_id, at_ms, systolic, diastolic, heart_rate, spo2, "
      "respiratory_rate, source, recorded_by, recorded_ms) "
      "VALUES (:c, :s, :t, :sys, :dia, :hr, :spo2, :rr, :src, :by, :rec)");
}

void VitalsInsert::insert(const std::vector<app::VitalRow>& readings) {
  for (const auto& r : readings) {
    query_.string_arg(0) = r.clinic_id;
    query_.string_arg(1) = r.session_id;
    query_.string_arg(2) = r.source;
    query_.string_arg(3) = r.recorded_by;
    query_.int_arg(0) = r.at_ms;
    query_.int_arg(1) = r.systolic;
    query_.int_arg(2) = r.diastolic;
    query_.int_arg(3) = r.heart_rate;
    query_.int_arg(4) = r.spo2;
    query_.int_arg(5) = r.respiratory_rate;
    query_.int_arg(6) = r.recorded_ms;
    query_.rerun_change();
  }
}

VitalsInsert& HotStatements::vitals_insert() {
  if (!vitals_insert_) vitals_insert_ = std::make_unique<VitalsInsert>(session_);
  return *vitals_insert_;
}

}  // namespace kc::store
