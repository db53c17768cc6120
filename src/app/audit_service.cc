#include "app/audit_service.h"

#include "app/cursor.h"

#include <algorithm>
#include <charconv>

namespace kc::app {

Result<AuditPage> AuditService::list(const Caller& caller, AuditFilter filter, const std::string& cursor) {
  if (!caller.can(Action::audit_read)) {
    log_.record_denied(store_, caller, "audit.list", "audit", "");
    return Error::forbidden();
  }
  if (!cursor.empty()) {
    auto text = from_cursor(cursor).value_or("");
    std::int64_t seq = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), seq);
    if (text.empty() || r.ec != std::errc{} || r.ptr != text.data() + text.size() || seq < 1)
      return Error::invalid("cursor", "The cursor is not valid.");
    filter.before_seq = seq;
  }
  filter.limit = std::clamp(filter.limit, 1, 500);
  const int limit = filter.limit;
  filter.limit += 1;
  auto tx = store_.begin(Store::Mode::read);
  AuditPage page;
  page.items = tx->audit_events(caller.clinic, filter);
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.resize(static_cast<std::size_t>(limit));
    page.next_cursor = to_cursor(std::to_string(page.items.back().event.seq));
  }
  return page;
}

std::vector<ClinicChainReport> AuditService::verify_all() {
  auto tx = store_.begin(Store::Mode::read);
  std::vector<ClinicChainReport> reports;
  for (const auto& clinic : tx->clinics()) {
    ClinicId id{clinic.id};
    ChainVerifier verifier([this](std::string_view text) { return crypto_.sha256_hex(text); });
    tx->for_each_audit_event(id, [&](const AuditEvent& e) { verifier.add(e); });
    ClinicChainReport report{clinic, verifier.count(), verifier.first_break()};
    AuditHead head = tx->audit_head(id);
    if (!report.first_break && head.seq != verifier.count()) {
      report.first_break =
          ChainBreak{verifier.count() + 1, "events after seq " + std::to_string(verifier.count()) +
                                               " are missing (the head is at seq " + std::to_string(head.seq) + ")"};
    }
    reports.push_back(std::move(report));
  }
  return reports;
}

}  // namespace kc::app
