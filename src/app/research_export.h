// The de-identified research export (admins only, audited): one CSV row per event
// (session, response, side effect, check-in) of the patients a dashboard filter
// selects, with a data dictionary. No names, contacts, identifiers or free text:
// each patient is a subject number in random order; dates are shifted by a random
// number of days per subject (the same shift for all of a subject's rows, so intervals
// stay true); ages above 89 are given as 90 (HIPAA Safe Harbor).
//
// An export runs on a thread of its own and reports its progress (patients done of
// the total); its file is kept in this process for an hour, like the live hub's state.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/outcome_service.h"
#include "app/ports.h"
#include "app/store.h"
#include "domain/result.h"

namespace kc::app {

struct ExportStatus {
  std::string id, clinic_id, state = "running";  // running | done | failed
  std::string error;
  int done = 0, total = 0, rows = 0;
  std::int64_t created_ms = 0;
  DashboardFilter filter;
};

/// The columns of the data file and what each holds.
struct ExportColumn {
  std::string_view name, type, description;
};
const std::vector<ExportColumn>& research_columns();
std::string research_dictionary_csv();

class ResearchExports {
 public:
  ResearchExports(Store& store, Crypto& crypto, const Clock& clock, OutcomeService& outcomes);
  ~ResearchExports();  // waits for running exports
  ResearchExports(const ResearchExports&) = delete;
  ResearchExports& operator=(const ResearchExports&) = delete;

  Result<ExportStatus> start(const Caller& caller, const DashboardQuery& query);
  Result<ExportStatus> status(const Caller& caller, const std::string& id);
  /// The finished file; 409 not_ready while it runs. Audited.
  Result<std::string> data(const Caller& caller, const std::string& id);
  Result<std::string> dictionary(const Caller& caller);

  /// Blocks until the export is no longer running (tests).
  void wait(const std::string& id);

 private:
  struct Job {
    ExportStatus status;
    std::string csv;
  };
  void run(std::shared_ptr<Job> job, Caller caller);
  void forget_expired();

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  OutcomeService& outcomes_;
  AuditLog audit_{crypto_, clock_};
  std::mutex mu_;
  std::condition_variable changed_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::vector<std::thread> threads_;
};

}  // namespace kc::app
