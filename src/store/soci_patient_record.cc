// The patient-record part of SociTransaction (see soci_transaction.h): demographics
// on the patients row, and the measurements, allergies and baseline tests tables.
// Demographics columns are named exactly as demographics_fields() names them.
#include "domain/patient.h"
#include "store/entered_in_error.h"
#include "store/query.h"
#include "store/soci_transaction.h"

namespace kc::store {
namespace {

using app::ClinicId;

/// The name of the user who recorded a row, as the e-mail when the user still exists.
constexpr const char* kRecordedBy = "COALESCE(u.email, r.recorded_by)";

}  // namespace

std::optional<Demographics> SociTransaction::patient_demographics(const ClinicId& clinic, std::string_view patient_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  Demographics d;
  std::string columns;
  for (const auto& f : demographics_fields()) {
    columns += (columns.empty() ? "" : ", ") + std::string(f.name);
    q.into(d.*f.member);
  }
  q.run("SELECT " + columns + " FROM patients WHERE clinic_id = :c AND id = :id" + lock_clause());
  if (!q.fetch()) return std::nullopt;
  return d;
}

void SociTransaction::update_patient(const ClinicId& clinic, const app::PatientRow& p, const Demographics& d) {
  DynamicQuery q(sql());
  std::string sets = "given_name = :g, family_name = :f, given_key = :gk, family_key = :fk, date_of_birth = :dob";
  q.arg(p.given_name);
  q.arg(p.family_name);
  q.arg(search_key(p.given_name));
  q.arg(search_key(p.family_name));
  q.arg(p.date_of_birth);
  for (const auto& f : demographics_fields()) {
    sets += ", " + std::string(f.name) + " = :" + std::string(f.name);
    q.arg(d.*f.member);
  }
  q.arg(clinic.value);
  q.arg(p.id);
  q.run("UPDATE patients SET " + sets + " WHERE clinic_id = :c AND id = :id");
}

void SociTransaction::insert_measurement(const ClinicId& clinic, const app::MeasurementRow& m) {
  DynamicQuery q(sql());
  q.arg(m.id);
  q.arg(clinic.value);
  q.arg(m.patient_id);
  q.arg(m.kind);
  q.arg(static_cast<long long>(m.weight_g));
  q.arg(static_cast<long long>(m.height_mm));
  q.arg(m.measured_on);
  q.arg(static_cast<long long>(m.recorded_ms));
  q.arg(m.recorded_by);
  q.run(
      "INSERT INTO patient_measurements (id, clinic_id, patient_id, kind, weight_g, height_mm, measured_on, "
      "recorded_ms, recorded_by) VALUES (:id, :c, :p, :k, :w, :h, :on, :t, :u)");
}

std::vector<app::MeasurementRow> SociTransaction::measurements(const ClinicId& clinic, std::string_view patient_id,
                                                               app::Entries which) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  app::MeasurementRow m;
  long long weight = 0, height = 0, at = 0;
  q.into(m.id);
  q.into(m.patient_id);
  q.into(m.kind);
  q.into(weight);
  q.into(height);
  q.into(m.measured_on);
  q.into(at);
  q.into(m.recorded_by);
  EnteredInErrorFields error;
  error.bind(q);
  q.run(std::string("SELECT r.id, r.patient_id, r.kind, r.weight_g, r.height_mm, r.measured_on, r.recorded_ms, ") +
        kRecordedBy + ", " + kEnteredInErrorColumns +
        " FROM patient_measurements r LEFT JOIN users u ON u.id = r.recorded_by" + kEnteredInErrorJoin +
        " WHERE r.clinic_id = :c AND r.patient_id = :p" + entered_in_error_filter(which) +
        " ORDER BY r.measured_on DESC, r.recorded_ms DESC, r.id DESC");
  return q.collect([&] {
    auto row = m;
    row.entered_in_error = error.take();
    row.weight_g = weight;
    row.height_mm = height;
    row.recorded_ms = at;
    return row;
  });
}

void SociTransaction::insert_allergy(const ClinicId& clinic, const app::AllergyRow& a) {
  DynamicQuery q(sql());
  q.arg(a.id);
  q.arg(clinic.value);
  q.arg(a.patient_id);
  q.arg(a.substance);
  q.arg(a.reaction);
  q.arg(static_cast<long long>(a.recorded_ms));
  q.arg(a.recorded_by);
  q.run(
      "INSERT INTO patient_allergies (id, clinic_id, patient_id, substance, reaction, recorded_ms, recorded_by) "
      "VALUES (:id, :c, :p, :s, :r, :t, :u)");
}

std::vector<app::AllergyRow> SociTransaction::allergies(const ClinicId& clinic, std::string_view patient_id,
                                                        app::Entries which) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  app::AllergyRow a;
  long long at = 0;
  q.into(a.id);
  q.into(a.patient_id);
  q.into(a.substance);
  q.into(a.reaction);
  q.into(at);
  q.into(a.recorded_by);
  EnteredInErrorFields error;
  error.bind(q);
  q.run(std::string("SELECT r.id, r.patient_id, r.substance, r.reaction, r.recorded_ms, ") + kRecordedBy + ", " +
        kEnteredInErrorColumns + " FROM patient_allergies r LEFT JOIN users u ON u.id = r.recorded_by" +
        kEnteredInErrorJoin + " WHERE r.clinic_id = :c AND r.patient_id = :p" + entered_in_error_filter(which) +
        " ORDER BY r.recorded_ms, r.id");
  return q.collect([&] {
    auto row = a;
    row.entered_in_error = error.take();
    row.recorded_ms = at;
    return row;
  });
}

void SociTransaction::insert_baseline_test(const ClinicId& clinic, const app::BaselineTestRow& t) {
  DynamicQuery q(sql());
  q.arg(t.id);
  q.arg(clinic.value);
  q.arg(t.patient_id);
  q.arg(t.kind);
  q.arg(t.taken_on);
  q.arg(t.result);
  q.arg(static_cast<long long>(t.recorded_ms));
  q.arg(t.recorded_by);
  q.run(
      "INSERT INTO patient_baseline_tests (id, clinic_id, patient_id, kind, taken_on, result, recorded_ms, "
      "recorded_by) VALUES (:id, :c, :p, :k, :on, :r, :t, :u)");
}

std::vector<app::BaselineTestRow> SociTransaction::baseline_tests(const ClinicId& clinic, std::string_view patient_id,
                                                                  app::Entries which) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  app::BaselineTestRow t;
  long long at = 0;
  q.into(t.id);
  q.into(t.patient_id);
  q.into(t.kind);
  q.into(t.taken_on);
  q.into(t.result);
  q.into(at);
  q.into(t.recorded_by);
  EnteredInErrorFields error;
  error.bind(q);
  q.run(std::string("SELECT r.id, r.patient_id, r.kind, r.taken_on, r.result, r.recorded_ms, ") + kRecordedBy + ", " +
        kEnteredInErrorColumns + " FROM patient_baseline_tests r LEFT JOIN users u ON u.id = r.recorded_by" +
        kEnteredInErrorJoin + " WHERE r.clinic_id = :c AND r.patient_id = :p" + entered_in_error_filter(which) +
        " ORDER BY r.taken_on DESC, r.recorded_ms DESC, r.id DESC");
  return q.collect([&] {
    auto row = t;
    row.entered_in_error = error.take();
    row.recorded_ms = at;
    return row;
  });
}

namespace {

/// The table of each kind of entry (a fixed list: never text from a caller).
const char* entry_table(app::RecordEntryKind kind) {
  switch (kind) {
    case app::RecordEntryKind::measurement:
      return "patient_measurements";
    case app::RecordEntryKind::allergy:
      return "patient_allergies";
    case app::RecordEntryKind::baseline_test:
      return "patient_baseline_tests";
    case app::RecordEntryKind::medication:
      return "patient_medications";
    case app::RecordEntryKind::diagnosis:
      return "patient_diagnoses";
    case app::RecordEntryKind::trial:
      return "patient_trials";
  }
  return "patient_measurements";  // unreachable: every kind is listed above
}

}  // namespace

bool SociTransaction::mark_entered_in_error(const ClinicId& clinic, app::RecordEntryKind kind,
                                            std::string_view patient_id, std::string_view entry_id,
                                            const app::EnteredInError& mark) {
  DynamicQuery q(sql());
  q.arg(static_cast<long long>(mark.at_ms));
  q.arg(mark.by);
  q.arg(mark.reason);
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  q.arg(std::string(entry_id));
  q.run(std::string("UPDATE ") + entry_table(kind) +
        " SET entered_in_error_ms = :t, entered_in_error_by = :u, entered_in_error_reason = :r WHERE clinic_id = :c "
        "AND patient_id = :p AND id = :id AND entered_in_error_ms = 0");
  return q.affected_rows() == 1;
}

}  // namespace kc::store
