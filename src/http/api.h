// The HTTP API: the route table, authentication and CSRF checks, the error
// mapping, security headers, and the web app's files. Thread-safe: `handle` may be
// called from many threads at once.
#pragma once

#include <string>

#include "app/audit_service.h"
#include "app/auth_service.h"
#include "app/calendar_service.h"
#include "app/consent_service.h"
#include "app/dose_service.h"
#include "app/eligibility_rules_service.h"
#include "app/enquiry_service.h"
#include "app/measure_service.h"
#include "app/outcome_service.h"
#include "app/patient_record_service.h"
#include "app/patient_service.h"
#include "app/plan_service.h"
#include "app/readiness_service.h"
#include "app/research_export.h"
#include "app/screening_service.h"
#include "app/session_service.h"
#include "app/user_service.h"
#include "app/vitals_writer.h"
#include "app/waiting_list_service.h"
#include "http/metrics.h"
#include "http/request.h"
#include "http/router.h"
#include "http/static_files.h"

namespace kc::http {

struct ApiServices {
  app::AuthService& auth;
  app::UserService& users;
  app::AuditService& audit;
  app::PatientService& patients;
  app::EnquiryService& enquiries;
  app::ScreeningService& screening;
  app::EligibilityRulesService& eligibility_rules;
  app::WaitingListService& waiting;
  app::PatientRecordService& patient_record;
  app::MeasureService& measures;
  app::ConsentService& consent;
  app::PlanService& plans;
  app::DoseService& dose;
  app::CalendarService& calendar;
  app::ReadinessService& readiness;
  app::SessionService& sessions;
  app::OutcomeService& outcomes;
  app::ResearchExports& exports;
  app::VitalsWriter& vitals_writer;  // POST /sessions/{id}/vitals stores through it
  app::Store& store;
  const app::Clock& clock;
  Metrics& metrics;
};

struct ApiOptions {
  std::string web_root = "web/dist";
  std::string public_origin;  // empty: the request's own Host
  bool secure_cookies = false;
};

struct Call;
using Handler = Response (*)(Call&);

enum class Access {
  open_inline,  // no session, no store: answered on the I/O thread
  open,         // no session; uses the store
  session,      // needs a valid session; uses the store
};

struct RouteSpec {
  Handler handler;
  Access access;
};

class Api {
 public:
  Api(ApiServices services, ApiOptions options);

  Response handle(const Request& request);
  /// True when the request needs no store work and can be answered on the I/O thread.
  bool runs_inline(const Request& request) const;

  const ApiOptions& options() const { return options_; }
  ApiServices& services() { return services_; }
  const Router<RouteSpec>& router() const { return router_; }
  /// The origin the browser should be on: the configured public origin, or the Host.
  std::string expected_origin(const Request& request) const;
  /// GET /api/v1/live: who is opening the WebSocket — a session cookie sent from our
  /// own pages (the Origin must match), or a bearer token — or why not (401, 403).
  Result<app::Caller> live_caller(const Request& request);

 private:
  /// Sets `route` to the matched pattern as soon as it is known (for logs and metrics).
  Response dispatch(const Request& request, std::string& route);

  ApiServices services_;
  ApiOptions options_;
  Router<RouteSpec> router_;
  StaticFiles files_;
};

/// Everything a handler needs for one request.
struct Call {
  const Request& request;
  const std::vector<std::string>& params;
  const app::Caller* caller;  // non-null on Access::session routes
  Api& api;
};

/// Adds the security headers every response carries, and no-store on JSON.
void add_security_headers(Response& response);

/// An exception's text without the values a database error quotes.
std::string redact_error(std::string_view what);

}  // namespace kc::http
