// Demo consent documents for the demo clinic: one published document per kind the
// demo shows (IV, IM, intranasal esketamine, at-home sublingual, research use of
// data), in plain words and marked as demonstration text.
#pragma once

#include <cstdint>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/ports.h"
#include "app/store.h"

namespace kc::app {

/// Inserts and publishes the demo documents in `tx`, each audited as `system`.
void seed_demo_consents(Transaction& tx, Crypto& crypto, AuditLog& audit, const Caller& system, std::int64_t now_ms);

}  // namespace kc::app
