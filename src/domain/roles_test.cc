#include "domain/roles.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(Roles, AdminAloneManagesUsersAndReadsAudit) {
  for (Role r : all_roles()) {
    std::vector<Role> one{r};
    EXPECT_EQ(allowed(one, Action::users_manage), r == Role::admin) << to_string(r);
    EXPECT_EQ(allowed(one, Action::audit_read), r == Role::admin) << to_string(r);
  }
}

TEST(Roles, EveryStaffRoleMayReadPatients) {
  for (Role r : all_roles()) {
    if (r == Role::device) continue;
    std::vector<Role> one{r};
    EXPECT_TRUE(allowed(one, Action::patients_read)) << to_string(r);
  }
}

TEST(Roles, AdminsAloneExportResearchDataAndTheDashboardIsTheDirectorsAndPrescribers) {
  for (Role r : all_roles()) {
    std::vector<Role> one{r};
    EXPECT_EQ(allowed(one, Action::research_export), r == Role::admin) << to_string(r);
    EXPECT_EQ(allowed(one, Action::dashboards_read), r == Role::admin || r == Role::prescriber) << to_string(r);
    EXPECT_EQ(allowed(one, Action::outcomes_read), r != Role::front_desk && r != Role::device) << to_string(r);
  }
}

TEST(Roles, ADeviceGatewayMayRecordVitalSignsAndNothingElse) {
  std::vector<Role> device{Role::device};
  EXPECT_TRUE(allowed(device, Action::vitals_record));
  for (Action a : {Action::patients_read, Action::sessions_read, Action::sessions_run, Action::measures_read,
                   Action::calendar_read, Action::dose_read, Action::users_read, Action::audit_read})
    EXPECT_FALSE(allowed(device, a)) << to_string(a);
  EXPECT_EQ(parse_role("device"), Role::device);
}

TEST(Roles, OnlyAPrescriberOverridesDischargeAndTheTherapistWritesTheIntegrationNote) {
  for (Role r : all_roles()) {
    std::vector<Role> one{r};
    EXPECT_EQ(allowed(one, Action::sessions_override), r == Role::prescriber) << to_string(r);
  }
  std::vector<Role> therapist{Role::therapist}, desk{Role::front_desk};
  EXPECT_TRUE(allowed(therapist, Action::session_notes_write));
  EXPECT_FALSE(allowed(therapist, Action::sessions_run));
  EXPECT_FALSE(allowed(desk, Action::sessions_read));
}

TEST(Roles, TherapistMayNotRegisterPatients) {
  std::vector<Role> therapist{Role::therapist};
  EXPECT_FALSE(allowed(therapist, Action::patients_write));
}

TEST(Roles, SeveralRolesCombineTheirGrants) {
  std::vector<Role> both{Role::therapist, Role::admin};
  EXPECT_TRUE(allowed(both, Action::users_manage));
  EXPECT_TRUE(allowed(both, Action::patients_write));
}

TEST(Roles, FrontDeskWorksTheEnquiryQueueWhichClinicalRolesOnlyRead) {
  std::vector<Role> desk{Role::front_desk}, nurse{Role::nurse}, therapist{Role::therapist};
  EXPECT_TRUE(allowed(desk, Action::enquiries_write));
  EXPECT_TRUE(allowed(nurse, Action::enquiries_read));
  EXPECT_FALSE(allowed(nurse, Action::enquiries_write));
  EXPECT_FALSE(allowed(therapist, Action::enquiries_read));
}

TEST(Roles, OnlyAPrescriberDecidesEligibility) {
  for (Role r : all_roles()) {
    std::vector<Role> one{r};
    EXPECT_EQ(allowed(one, Action::eligibility_decide), r == Role::prescriber) << to_string(r);
  }
  std::vector<Role> desk{Role::front_desk};
  EXPECT_FALSE(allowed(desk, Action::history_write));
}

TEST(Roles, NoRolesAllowNothing) {
  std::vector<Role> none;
  EXPECT_FALSE(allowed(none, Action::patients_read));
}

TEST(Roles, NamesRoundTripAndUnknownNamesAreRejected) {
  for (Role r : all_roles()) EXPECT_EQ(parse_role(to_string(r)), r);
  EXPECT_FALSE(parse_role("superuser"));
  EXPECT_FALSE(parse_role("Admin"));
}

TEST(Roles, JoinedFormIsCanonicalAndSplitsBack) {
  std::vector<Role> roles{Role::nurse, Role::admin, Role::nurse};
  EXPECT_EQ(join_roles(roles), "admin,nurse");
  EXPECT_EQ(split_roles("admin,nurse"), (std::vector<Role>{Role::admin, Role::nurse}));
  EXPECT_EQ(split_roles("admin,bogus"), (std::vector<Role>{Role::admin}));
  EXPECT_TRUE(split_roles("").empty());
}

}  // namespace
}  // namespace kc
