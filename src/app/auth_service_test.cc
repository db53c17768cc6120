// Sign-in, lockout and session lifetime, told as a day at the front desk with a
// fake clock.
#include "app/auth_service.h"

#include "support/clinic_fixture.h"

namespace kc::app {
namespace {

using test::ClinicFixture;
constexpr std::int64_t kMinute = 60'000;

class AuthServiceTest : public ClinicFixture {
 protected:
  void SetUp() override {
    home = clinic("Harbour Clinic");
    nurse = staff(home, "nurse@harbour.test", Role::nurse);
  }
  ClinicRow home;
  UserRow nurse;
};

TEST_F(AuthServiceTest, SignInGivesATokenWhoseHashAloneIsStored) {
  auto login = auth.login("Nurse@Harbour.test", "correct horse battery", "10.0.0.1");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->token.size(), 43u);  // 256 bits, base64url
  auto tx = store->begin(Store::Mode::read);
  EXPECT_FALSE(tx->session(login->token));
  EXPECT_TRUE(tx->session(crypto.sha256_hex(login->token)));
}

TEST_F(AuthServiceTest, WrongPasswordAndUnknownAccountGetTheSameAnswer) {
  auto wrong = auth.login("nurse@harbour.test", "wrong password!!", "10.0.0.1");
  auto unknown = auth.login("nobody@harbour.test", "wrong password!!", "10.0.0.1");
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().code, "invalid_credentials");
  EXPECT_EQ(wrong.error().code, unknown.error().code);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
}

TEST_F(AuthServiceTest, FiveFailuresLockTheAccountForFifteenMinutes) {
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(auth.login(nurse.email, "wrong password!!", "10.0.0.1"));
  EXPECT_FALSE(auth.login(nurse.email, "correct horse battery", "10.0.0.1")) << "locked: right password refused";
  clock.advance_ms(15 * kMinute - 1);
  EXPECT_FALSE(auth.login(nurse.email, "correct horse battery", "10.0.0.1"));
  clock.advance_ms(1);
  EXPECT_TRUE(auth.login(nurse.email, "correct horse battery", "10.0.0.1"));
}

TEST_F(AuthServiceTest, LockoutIsAuditedAndASuccessResetsTheCount) {
  for (int i = 0; i < 4; ++i) (void)auth.login(nurse.email, "wrong password!!", "10.0.0.1");
  ASSERT_TRUE(auth.login(nurse.email, "correct horse battery", "10.0.0.1"));
  for (int i = 0; i < 4; ++i) (void)auth.login(nurse.email, "wrong password!!", "10.0.0.1");
  EXPECT_TRUE(auth.login(nurse.email, "correct horse battery", "10.0.0.1")) << "count restarted after success";
  for (int i = 0; i < 5; ++i) (void)auth.login(nurse.email, "wrong password!!", "10.0.0.1");
  int locked = 0, failed = 0;
  for (const auto& item : audit_of(home)) {
    locked += item.event.action == "auth.login_locked";
    failed += item.event.action == "auth.login_failed";
  }
  EXPECT_EQ(locked, 1);
  EXPECT_EQ(failed, 12);
}

TEST_F(AuthServiceTest, IdleSessionEndsAfterFifteenMinutesButActivityKeepsItAlive) {
  auto login = auth.login(nurse.email, "correct horse battery", "10.0.0.1");
  ASSERT_TRUE(login);
  clock.advance_ms(10 * kMinute);
  EXPECT_TRUE(auth.authenticate(login->token, "10.0.0.1"));  // activity at 10 min
  clock.advance_ms(14 * kMinute);
  EXPECT_TRUE(auth.authenticate(login->token, "10.0.0.1"));  // 14 min after the last activity
  clock.advance_ms(15 * kMinute);
  EXPECT_FALSE(auth.authenticate(login->token, "10.0.0.1"));
}

TEST_F(AuthServiceTest, SessionEndsAfterTwelveHoursWhateverTheActivity) {
  auto login = auth.login(nurse.email, "correct horse battery", "10.0.0.1");
  for (int i = 0; i < 72; ++i) {  // a request every 10 minutes for 12 hours
    clock.advance_ms(10 * kMinute);
    if (i < 71) ASSERT_TRUE(auth.authenticate(login->token, "10.0.0.1")) << i;
  }
  EXPECT_FALSE(auth.authenticate(login->token, "10.0.0.1"));
}

TEST_F(AuthServiceTest, LogoutRevokesTheSession) {
  auto login = auth.login(nurse.email, "correct horse battery", "10.0.0.1");
  auto caller = auth.authenticate(login->token, "10.0.0.1");
  ASSERT_TRUE(auth.logout(*caller));
  EXPECT_FALSE(auth.authenticate(login->token, "10.0.0.1"));
}

TEST_F(AuthServiceTest, PasswordChangeRevokesEverySessionAndNeedsTheCurrentPassword) {
  auto first = auth.login(nurse.email, "correct horse battery", "10.0.0.1");
  auto second = auth.login(nurse.email, "correct horse battery", "10.0.0.2");
  auto caller = auth.authenticate(first->token, "10.0.0.1");
  auto wrong = auth.change_password(*caller, "not my password", "a brand new passphrase");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().field, "current_password");
  auto short_one = auth.change_password(*caller, "correct horse battery", "short");
  EXPECT_EQ(short_one.error().field, "new_password");
  ASSERT_TRUE(auth.change_password(*caller, "correct horse battery", "a brand new passphrase"));
  EXPECT_FALSE(auth.authenticate(first->token, "10.0.0.1"));
  EXPECT_FALSE(auth.authenticate(second->token, "10.0.0.2"));
  EXPECT_FALSE(auth.login(nurse.email, "correct horse battery", "10.0.0.1"));
  EXPECT_TRUE(auth.login(nurse.email, "a brand new passphrase", "10.0.0.1"));
}

TEST_F(AuthServiceTest, WrongCurrentPasswordCountsTowardsLockoutAndIsAudited) {
  auto caller = sign_in(nurse.email);
  for (int i = 0; i < 5; ++i)
    EXPECT_FALSE(auth.change_password(caller, "guess number " + std::to_string(i), "a brand new passphrase"));
  EXPECT_FALSE(auth.login(nurse.email, "correct horse battery", "10.0.0.1")) << "locked after five wrong guesses";
  int denied = 0;
  for (const auto& item : audit_of(home))
    denied += item.event.action == "auth.password_change" && item.event.outcome == "denied";
  EXPECT_EQ(denied, 5);
}

TEST_F(AuthServiceTest, RevocationByAnotherServerTakesEffectWithinTheCacheLifetime) {
  auto login = auth.login(nurse.email, "correct horse battery", "10.0.0.1");
  ASSERT_TRUE(auth.authenticate(login->token, "10.0.0.1"));  // now cached here
  {
    auto tx = store->begin(Store::Mode::write);  // another server revokes in the shared store
    tx->revoke_session(crypto.sha256_hex(login->token));
    tx->commit();
  }
  clock.advance_ms(1999);
  EXPECT_TRUE(auth.authenticate(login->token, "10.0.0.1")) << "still trusted within 2 s";
  clock.advance_ms(1);
  EXPECT_FALSE(auth.authenticate(login->token, "10.0.0.1"));
}

TEST_F(AuthServiceTest, PasswordCannotBeChangedWhileLocked) {
  auto caller = sign_in(nurse.email);
  for (int i = 0; i < 5; ++i) (void)auth.login(nurse.email, "wrong password!!", "10.0.0.1");
  auto r = auth.change_password(caller, "correct horse battery", "a brand new passphrase");
  ASSERT_FALSE(r) << "the right password is not checked during a lock";
  EXPECT_EQ(r.error().field, "current_password");
  clock.advance_ms(15 * kMinute);
  caller = sign_in(nurse.email);
  EXPECT_TRUE(auth.change_password(caller, "correct horse battery", "a brand new passphrase"));
}

TEST_F(AuthServiceTest, DisabledUserCannotSignInAndLosesOpenSessions) {
  auto admin = staff(home, "admin@harbour.test", Role::admin);
  auto nurse_login = auth.login(nurse.email, "correct horse battery", "10.0.0.1");
  auto admin_caller = sign_in(admin.email);
  ASSERT_TRUE(users.set_disabled(admin_caller, nurse.id, true));
  EXPECT_FALSE(auth.authenticate(nurse_login->token, "10.0.0.1"));
  EXPECT_FALSE(auth.login(nurse.email, "correct horse battery", "10.0.0.1"));
  ASSERT_TRUE(users.set_disabled(admin_caller, nurse.id, false));
  EXPECT_TRUE(auth.login(nurse.email, "correct horse battery", "10.0.0.1"));
}

TEST_F(AuthServiceTest, MeDescribesUserClinicAndLimits) {
  auto caller = sign_in(nurse.email);
  auto me = auth.me(caller);
  ASSERT_TRUE(me);
  EXPECT_EQ(me->clinic.name, "Harbour Clinic");
  EXPECT_EQ(me->idle_timeout_ms, 15 * kMinute);
  EXPECT_EQ(me->absolute_expires_ms, clock.now_ms() + 12 * 60 * kMinute);
  EXPECT_FALSE(me->csrf_token.empty());
}

}  // namespace
}  // namespace kc::app
