#include "app/clinics.h"

#include "app/audit_log.h"
#include "app/ids.h"
#include "domain/validation.h"

namespace kc::app {

Result<ClinicRow> ensure_clinic(Store& store, Crypto& crypto, const Clock& clock, const std::string& name_in,
                                const std::string& client_address) {
  auto name = required_text("clinic", name_in, 200);
  if (!name) return name.error();
  auto tx = store.begin(Store::Mode::write);
  if (auto existing = tx->clinic_by_name(*name)) return *existing;
  ClinicRow clinic{new_id(crypto, "cln"), *name, clock.now_ms()};
  tx->insert_clinic(clinic);
  AuditLog(crypto, clock)
      .record(*tx, Caller::system(ClinicId{clinic.id}, client_address), "clinic.create", "clinic", clinic.id);
  tx->commit();
  return clinic;
}

}  // namespace kc::app
