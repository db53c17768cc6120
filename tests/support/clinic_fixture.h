// A ready clinic for use-case tests: a store on the test engine, a fake clock, fast
// crypto, every service, and helpers to create clinics, staff and patients.
#pragma once

#include <gtest/gtest.h>

#include "app/audit_service.h"
#include "app/auth_service.h"
#include "app/clinics.h"
#include "app/enquiry_service.h"
#include "app/patient_service.h"
#include "app/user_service.h"
#include "app/waiting_list_service.h"
#include "support/fakes.h"

namespace kc::test {

class ClinicFixture : public ::testing::Test {
 protected:
  ClinicFixture()
      : store(open_store(url)),
        auth(*store, crypto, clock, AuthPolicy{}, sessions),
        users(*store, crypto, clock, sessions),
        audit(*store, crypto, clock),
        patients(*store, crypto, clock),
        enquiries(*store, crypto, clock, EnquiryPolicy{}, limiter),
        waiting(*store, crypto, clock, limiter) {}

  app::ClinicRow clinic(const std::string& name) {
    auto c = app::ensure_clinic(*store, crypto, clock, name, "test");
    EXPECT_TRUE(c);
    return *c;
  }

  /// Adds a user through the use case, as the clinic's system caller.
  app::UserRow staff(const app::ClinicRow& c, const std::string& email, Role role,
                     const std::string& password = "correct horse battery") {
    auto u = users.add(app::Caller::system(app::ClinicId{c.id}, "test"),
                       {email, "Staff " + email, {std::string(to_string(role))}, password});
    EXPECT_TRUE(u) << (u ? "" : u.error().message);
    return *u;
  }

  /// Signs in and returns the resolved caller.
  app::Caller sign_in(const std::string& email, const std::string& password = "correct horse battery") {
    auto login = auth.login(email, password, "10.0.0.1");
    EXPECT_TRUE(login) << (login ? "" : login.error().code);
    auto caller = auth.authenticate(login->token, "10.0.0.1");
    EXPECT_TRUE(caller);
    return *caller;
  }

  std::vector<app::AuditListItem> audit_of(const app::ClinicRow& c) {
    auto tx = store->begin(app::Store::Mode::read);
    app::AuditFilter f;
    f.limit = 500;
    return tx->audit_events(app::ClinicId{c.id}, f);
  }

  FakeClock clock;
  FastCrypto crypto;
  std::string url = fresh_database_url();  // before store: it opens this database
  std::unique_ptr<store::SociStore> store;
  app::SessionCache sessions{2000, 1000};
  app::AuthService auth;
  app::UserService users;
  app::AuditService audit;
  app::PatientService patients;
  app::RateLimiter limiter{clock, EnquiryPolicy{}.requests_per_address_per_hour};
  app::EnquiryService enquiries;
  app::WaitingListService waiting;
};

}  // namespace kc::test
