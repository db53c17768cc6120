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

}  // namespace kc::store
