// Reading and verifying the audit trail.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/ports.h"
#include "app/store.h"
#include "domain/audit_chain.h"
#include "domain/result.h"

namespace kc::app {

struct AuditPage {
  std::vector<AuditListItem> items;
  std::optional<std::string> next_cursor;
};

struct ClinicChainReport {
  ClinicRow clinic;
  std::int64_t events = 0;
  std::optional<ChainBreak> first_break;
};

class AuditService {
 public:
  AuditService(Store& store, Crypto& crypto, const Clock& clock)
      : store_(store), crypto_(crypto), log_(crypto, clock) {}

  /// `cursor` is the opaque next_cursor of the previous page (empty: newest first).
  Result<AuditPage> list(const Caller& caller, AuditFilter filter, const std::string& cursor);

  /// Checks every clinic's chain from its first event to its recorded head.
  std::vector<ClinicChainReport> verify_all();

 private:
  Store& store_;
  Crypto& crypto_;
  AuditLog log_;
};

}  // namespace kc::app
