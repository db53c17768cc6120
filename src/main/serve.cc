// `ketaclinic serve`: builds the store, the use cases and the HTTP server from the
// configuration, and runs until SIGTERM/SIGINT.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "app/audit_service.h"
#include "app/auth_service.h"
#include "app/calendar_service.h"
#include "app/consent_service.h"
#include "app/demo_clinic.h"
#include "app/dose_service.h"
#include "app/outcome_service.h"
#include "app/patient_service.h"
#include "app/plan_service.h"
#include "app/research_export.h"
#include "app/session_service.h"
#include "app/user_service.h"
#include "app/vitals_writer.h"
#include "http/api.h"
#include "http/server.h"
#include "live/hub.h"
#include "main/commands.h"
#include "platform/logging.h"
#include "platform/sodium_crypto.h"
#include "store/soci_store.h"

namespace kc::cli {
namespace {

/// Runs `work` every `period` on a thread of its own until stopped (lapsed waiting-list
/// offers pass on, unacknowledged tasks and alarms escalate, a monitor that stopped
/// sending raises its technical alarm, even when nobody opens a page).
class Sweeper {
 public:
  Sweeper(std::string name, std::function<void()> work, std::chrono::milliseconds period = std::chrono::seconds(30))
      : name_(std::move(name)), work_(std::move(work)), period_(period), thread_([this] { run(); }) {}
  ~Sweeper() { stop(); }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, period_, [this] { return stopping_; })) {
      lock.unlock();
      try {
        work_();
      } catch (const std::exception& e) {
        spdlog::error("{} sweep failed: {}", name_, http::redact_error(e.what()));
      }
      lock.lock();
    }
  }

  std::string name_;
  std::function<void()> work_;
  std::chrono::milliseconds period_;
  std::mutex mutex_;  // guards stopping_
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: started once the members above exist
};

}  // namespace

std::unique_ptr<store::SociStore> open_store(const platform::Config& c, std::int64_t now_ms, bool migrate) {
  store::StoreOptions options;
  options.migrate = migrate;
  options.url = c.database.url;
  // One connection more than the store threads: the vitals writer keeps one busy.
  options.pool_size = std::max(c.database.pool_size, c.server.store_threads + 1);
  options.sqlite_synchronous = c.database.sqlite_synchronous;
  auto s = store::SociStore::open(options, now_ms);
  const auto& report = s->migration_report();
  for (const auto& step : report.applied) spdlog::info("migration applied: {}", step);
  spdlog::info("store {} at schema version {}", s->engine(), report.to_version);
  return s;
}

int run_serve(const platform::Config& c, bool demo) {
  platform::init_logging(c.log_level);
  platform::SodiumCrypto crypto;
  platform::SystemClock system_clock;
  std::optional<platform::OffsetFileClock> test_clock;
  if (const char* file = std::getenv("KETACLINIC_TEST_CLOCK_FILE"); file && *file) {
    spdlog::warn("TEST CLOCK: time is moved by the offset in {}; never use this in a clinic", file);
    test_clock.emplace(file);
  }
  const app::Clock& clock = test_clock ? static_cast<const app::Clock&>(*test_clock) : system_clock;
  auto store = open_store(c, clock.now_ms());
  if (demo && app::ensure_demo_clinic(*store, crypto, clock)) spdlog::info("demo clinic created");

  app::SessionCache sessions(c.auth.session_cache_ms, 100'000);
  app::AuthService auth(*store, crypto, clock, c.auth, sessions);
  app::UserService users(*store, crypto, clock, sessions);
  app::AuditService audit(*store, crypto, clock);
  app::PatientService patients(*store, crypto, clock);
  app::RateLimiter public_limiter(clock, c.enquiries.requests_per_address_per_hour);
  app::EnquiryService enquiries(*store, crypto, clock, c.enquiries, public_limiter);
  app::ScreeningService screening(*store, crypto, clock);
  app::EligibilityRulesService eligibility_rules(*store, crypto, clock);
  app::WaitingListService waiting(*store, crypto, clock, public_limiter);
  app::PatientRecordService patient_record(*store, crypto, clock, screening);
  app::MeasureService measures(*store, crypto, clock);
  app::ConsentService consent(*store, crypto, clock);
  app::PlanService plans(*store, crypto, clock);
  app::DoseService dose(*store, crypto, clock);
  app::CalendarService calendar(*store, crypto, clock);
  app::ReadinessService readiness(*store, crypto, clock);
  app::SessionService session_service(*store, crypto, clock, calendar);
  app::OutcomeService outcomes(*store, crypto, clock);
  app::ResearchExports exports(*store, crypto, clock, outcomes);
  http::Metrics metrics;
  // Live screens (GET /api/v1/live): one hub per process; a new stream id per start
  // tells reconnecting screens to reload rather than trust old sequence numbers.
  live::Hub hub(crypto.random_hex20());
  measures.announce_to(hub);
  dose.announce_to(hub);
  calendar.announce_to(hub);
  session_service.announce_to(hub);
  // Vital signs are stored in groups by one writer thread (ADR 0004); it answers the
  // devices, so it stops after the server has drained and before the server goes.
  app::VitalsWriter vitals_writer(*store, session_service, {.log_failure = [](std::string_view what) {
    spdlog::error("vital signs not stored: {}", http::redact_error(what));
  }});
  metrics.set_pool_source([&store] { return store->pool_stats(); });
  metrics.set_vitals_source([&vitals_writer] { return vitals_writer.stats(); });
  http::ApiServices services{
      .auth = auth,
      .users = users,
      .audit = audit,
      .patients = patients,
      .enquiries = enquiries,
      .screening = screening,
      .eligibility_rules = eligibility_rules,
      .waiting = waiting,
      .patient_record = patient_record,
      .measures = measures,
      .consent = consent,
      .plans = plans,
      .dose = dose,
      .calendar = calendar,
      .readiness = readiness,
      .sessions = session_service,
      .outcomes = outcomes,
      .exports = exports,
      .vitals_writer = vitals_writer,
      .store = *store,
      .clock = clock,
      .metrics = metrics,
  };
  http::Api api(services, {c.server.web_root, c.server.public_origin, c.server.secure_cookies});

  http::ServerOptions options;
  options.host = c.server.listen_host;
  options.port = c.server.listen_port;
  options.io_threads = c.server.io_threads > 0 ? c.server.io_threads
                                               : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.store_threads = c.server.store_threads;
  options.body_limit_bytes = c.server.body_limit_bytes;
  options.header_limit_bytes = c.server.header_limit_bytes;
  options.idle_timeout_s = c.server.idle_timeout_s;
  options.max_queued_requests = c.server.max_queued_requests;
  options.drain_timeout_s = c.server.drain_timeout_s;
  options.trust_forwarded_for = c.server.trust_forwarded_for;
  http::Server server(options, api, metrics, &hub);
  server.bind();

  std::string host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::cout << "KetaClinic listening on http://" << host << ":" << server.bound_port() << std::endl;
  if (demo) {
    std::cout << "Demo logins (password " << app::kDemoPassword << "):\n";
    for (const auto& u : app::kDemoUsers) std::cout << "  " << u.email << "  (" << to_string(u.role) << ")\n";
    auto tx = store->begin(app::Store::Mode::read);
    if (auto clinic = tx->clinic_by_name(app::kDemoClinicName))
      std::cout << "Public consultation request page: http://" << host << ":" << server.bound_port() << "/request/"
                << clinic->id << "\n";
    std::cout << std::flush;
  }
  Sweeper offers("waiting-list", [&waiting] { waiting.sweep(); });
  Sweeper escalations("task-escalation", [&measures] { measures.sweep(); });
  // Alarms: the technical alarm and escalation are checked every second.
  Sweeper alarms(
      "session-alarms", [&session_service] { session_service.sweep(); }, std::chrono::seconds(1));
  server.run();
  vitals_writer.stop();  // completes what is queued (the connections are gone after a drain timeout)
  offers.stop();
  escalations.stop();
  alarms.stop();
  spdlog::info("stopped cleanly");
  return 0;
}

}  // namespace kc::cli
