// Clinics (tenants). Created by the CLI's `user add --clinic NAME` when absent.
#pragma once

#include <string>

#include "app/ports.h"
#include "app/store.h"
#include "domain/result.h"

namespace kc::app {

/// The clinic named `name`, created (and audited) if it does not exist yet.
Result<ClinicRow> ensure_clinic(Store& store, Crypto& crypto, const Clock& clock, const std::string& name,
                                const std::string& client_address);

}  // namespace kc::app
