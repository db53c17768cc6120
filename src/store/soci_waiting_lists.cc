// The waiting-list and outbox part of SociTransaction (see soci_transaction.h).
#include "store/query.h"
#include "store/soci_transaction.h"

namespace kc::store {
namespace {

using app::ClinicId;
using app::EntryRow;
using app::ProgramRow;

constexpr const char* kProgramColumns =
    "p.id, p.clinic_id, p.name, p.capacity, p.offer_hours, p.created_ms, "
    "(SELECT COUNT(*) FROM waiting_entries e WHERE e.clinic_id = p.clinic_id AND e.program_id = p.id AND "
    "e.status IN ('offered', 'accepted', 'scheduled')), "
    "(SELECT COUNT(*) FROM waiting_entries e WHERE e.clinic_id = p.clinic_id AND e.program_id = p.id AND "
    "e.status = 'waiting')";

struct ProgramFields {
  ProgramRow row;
  long long capacity = 0, hours = 0, created = 0, in_use = 0, waiting = 0;
  void bind(DynamicQuery& q) {
    q.into(row.id);
    q.into(row.clinic_id);
    q.into(row.name);
    q.into(capacity);
    q.into(hours);
    q.into(created);
    q.into(in_use);
    q.into(waiting);
  }
  ProgramRow take() const {
    ProgramRow r = row;
    r.capacity = static_cast<int>(capacity);
    r.offer_hours = static_cast<int>(hours);
    r.created_ms = created;
    r.places_in_use = static_cast<int>(in_use);
    r.waiting_count = static_cast<int>(waiting);
    return r;
  }
};

constexpr const char* kEntryColumns =
    "id, clinic_id, program_id, given_name, family_name, email, phone, preferred_contact, prescreen_pregnant, "
    "prescreen_substance_use, prescreen_high_blood_pressure, age_years, status, urgent, urgent_reason, "
    "cleared_for_offer, joined_ms, offered_ms, offer_expires_ms, updated_ms, removed_reason, source";

struct EntryFields {
  EntryRow row;
  long long age = 0, joined = 0, offered = 0, expires = 0, updated = 0;
  int urgent = 0, cleared = 0;
  void bind(DynamicQuery& q) {
    q.into(row.id);
    q.into(row.clinic_id);
    q.into(row.program_id);
    q.into(row.given_name);
    q.into(row.family_name);
    q.into(row.email);
    q.into(row.phone);
    q.into(row.preferred_contact);
    q.into(row.prescreen_pregnant);
    q.into(row.prescreen_substance_use);
    q.into(row.prescreen_high_blood_pressure);
    q.into(age);
    q.into(row.status);
    q.into(urgent);
    q.into(row.urgent_reason);
    q.into(cleared);
    q.into(joined);
    q.into(offered);
    q.into(expires);
    q.into(updated);
    q.into(row.removed_reason);
    q.into(row.source);
  }
  EntryRow take() const {
    EntryRow r = row;
    r.age_years = static_cast<int>(age);
    r.urgent = urgent != 0;
    r.cleared_for_offer = cleared != 0;
    r.joined_ms = joined;
    r.offered_ms = offered;
    r.offer_expires_ms = expires;
    r.updated_ms = updated;
    return r;
  }
};

void entry_args(DynamicQuery& q, const EntryRow& e) {
  q.arg(e.program_id);
  q.arg(e.given_name);
  q.arg(e.family_name);
  q.arg(e.email);
  q.arg(e.phone);
  q.arg(e.preferred_contact);
  q.arg(e.prescreen_pregnant);
  q.arg(e.prescreen_substance_use);
  q.arg(e.prescreen_high_blood_pressure);
  q.arg(static_cast<long long>(e.age_years));
  q.arg(e.status);
  q.arg(static_cast<long long>(e.urgent ? 1 : 0));
  q.arg(e.urgent_reason);
  q.arg(static_cast<long long>(e.cleared_for_offer ? 1 : 0));
  q.arg(static_cast<long long>(e.joined_ms));
  q.arg(static_cast<long long>(e.offered_ms));
  q.arg(static_cast<long long>(e.offer_expires_ms));
  q.arg(static_cast<long long>(e.updated_ms));
  q.arg(e.removed_reason);
  q.arg(e.source);
}

}  // namespace

void SociTransaction::insert_program(const ProgramRow& p) {
  DynamicQuery q(sql());
  q.arg(p.id);
  q.arg(p.clinic_id);
  q.arg(p.name);
  q.arg(static_cast<long long>(p.capacity));
  q.arg(static_cast<long long>(p.offer_hours));
  q.arg(static_cast<long long>(p.created_ms));
  q.run(
      "INSERT INTO waiting_programs (id, clinic_id, name, capacity, offer_hours, created_ms) "
      "VALUES (:id, :c, :n, :cap, :h, :t)");
}

void SociTransaction::update_program(const ClinicId& clinic, const ProgramRow& p) {
  DynamicQuery q(sql());
  q.arg(p.name);
  q.arg(static_cast<long long>(p.capacity));
  q.arg(static_cast<long long>(p.offer_hours));
  q.arg(clinic.value);
  q.arg(p.id);
  q.run("UPDATE waiting_programs SET name = :n, capacity = :cap, offer_hours = :h WHERE clinic_id = :c AND id = :id");
}

std::optional<ProgramRow> SociTransaction::program(const ClinicId& clinic, std::string_view id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(id));
  ProgramFields f;
  f.bind(q);
  // On PostgreSQL the program row is locked, so two servers never offer one place twice.
  q.run(std::string("SELECT ") + kProgramColumns + " FROM waiting_programs p WHERE p.clinic_id = :c AND p.id = :id" +
        lock_clause());
  if (!q.fetch()) return std::nullopt;
  return f.take();
}

std::vector<ProgramRow> SociTransaction::programs(const ClinicId& clinic) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  ProgramFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kProgramColumns + " FROM waiting_programs p WHERE p.clinic_id = :c ORDER BY p.name");
  return q.collect([&] { return f.take(); });
}

void SociTransaction::insert_entry(const EntryRow& e) {
  DynamicQuery q(sql());
  q.arg(e.id);
  q.arg(e.clinic_id);
  entry_args(q, e);
  q.run(std::string("INSERT INTO waiting_entries (") + kEntryColumns +
        ") VALUES (:id, :c, :p, :g, :f, :e, :ph, :pc, :pp, :ps, :pb, :age, :st, :u, :ur, :cl, :j, :o, :x, :up, :rr, "
        ":src)");
}

void SociTransaction::update_entry(const ClinicId& clinic, const EntryRow& e) {
  DynamicQuery q(sql());
  entry_args(q, e);
  q.arg(clinic.value);
  q.arg(e.id);
  q.run(
      "UPDATE waiting_entries SET program_id = :p, given_name = :g, family_name = :f, email = :e, phone = :ph, "
      "preferred_contact = :pc, prescreen_pregnant = :pp, prescreen_substance_use = :ps, "
      "prescreen_high_blood_pressure = :pb, age_years = :age, status = :st, urgent = :u, urgent_reason = :ur, "
      "cleared_for_offer = :cl, joined_ms = :j, offered_ms = :o, offer_expires_ms = :x, updated_ms = :up, "
      "removed_reason = :rr, source = :src WHERE clinic_id = :c AND id = :id");
}

std::optional<EntryRow> SociTransaction::entry(const ClinicId& clinic, std::string_view id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(id));
  EntryFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kEntryColumns + " FROM waiting_entries WHERE clinic_id = :c AND id = :id");
  if (!q.fetch()) return std::nullopt;
  return f.take();
}

std::vector<EntryRow> SociTransaction::entries(const ClinicId& clinic, std::string_view program_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(program_id));
  EntryFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kEntryColumns +
        " FROM waiting_entries WHERE clinic_id = :c AND program_id = :p ORDER BY joined_ms, id");
  return q.collect([&] { return f.take(); });
}

void SociTransaction::insert_outbox(const app::OutboxRow& m) {
  DynamicQuery q(sql());
  q.arg(m.id);
  q.arg(m.clinic_id);
  q.arg(m.channel);
  q.arg(m.recipient);
  q.arg(m.subject);
  q.arg(m.body);
  q.arg(m.entity_type);
  q.arg(m.entity_id);
  q.arg(static_cast<long long>(m.created_ms));
  q.run(
      "INSERT INTO outbox (id, clinic_id, channel, recipient, subject, body, entity_type, entity_id, created_ms, "
      "sent_ms) VALUES (:id, :c, :ch, :r, :s, :b, :et, :eid, :t, 0)");
}

std::vector<app::OutboxRow> SociTransaction::outbox(const ClinicId& clinic, std::string_view entity_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(entity_id));
  app::OutboxRow m;
  long long created = 0;
  q.into(m.id);
  q.into(m.clinic_id);
  q.into(m.channel);
  q.into(m.recipient);
  q.into(m.subject);
  q.into(m.body);
  q.into(m.entity_type);
  q.into(m.entity_id);
  q.into(created);
  q.run(
      "SELECT id, clinic_id, channel, recipient, subject, body, entity_type, entity_id, created_ms FROM outbox "
      "WHERE clinic_id = :c AND entity_id = :e ORDER BY created_ms, id");
  std::vector<app::OutboxRow> out;
  while (q.fetch()) {
    auto copy = m;
    copy.created_ms = created;
    out.push_back(copy);
  }
  return out;
}

}  // namespace kc::store
