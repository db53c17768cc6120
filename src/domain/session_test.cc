#include "domain/session.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

SessionFacts ready_iv() {
  SessionFacts f;
  f.route = Route::iv;
  ReadinessFacts r;
  r.route = Route::iv;
  r.decision = "eligible";
  f.before_the_day = session_readiness(r);
  f.escort_confirmed = true;
  f.questionnaire_done = true;
  f.pre_dose_vitals_recorded = true;
  f.drug_lot_recorded = true;
  f.minimum_observation_passed = true;
  f.aldrete_score = 10;
  f.escort_present = true;
  f.instructions_given = true;
  return f;
}

std::string refused_code(SessionState from, SessionTransition t, const SessionFacts& f) {
  auto r = apply(from, t, f);
  return r ? std::string("allowed") : r.error().code;
}
std::string refused_field(SessionState from, SessionTransition t, const SessionFacts& f) {
  auto r = apply(from, t, f);
  return r ? std::string() : r.error().field;
}

TEST(Session, TheWholePathFromScheduledToDischarged) {
  auto f = ready_iv();
  f.pause_reason = "cannula check";
  SessionState s = SessionState::scheduled;
  for (auto t : {SessionTransition::check_in, SessionTransition::mark_ready, SessionTransition::start_dosing,
                 SessionTransition::pause, SessionTransition::resume, SessionTransition::stop_dosing,
                 SessionTransition::ready_for_discharge, SessionTransition::discharge}) {
    auto next = apply(s, t, f);
    ASSERT_TRUE(next) << to_string(t) << ": " << next.error().code;
    s = *next;
  }
  EXPECT_EQ(s, SessionState::discharged);
  EXPECT_TRUE(is_final(s));
  EXPECT_TRUE(transitions_from(s).empty());
}

TEST(Session, TransitionsFromTheWrongStateAreRefused) {
  auto f = ready_iv();
  EXPECT_EQ(refused_code(SessionState::scheduled, SessionTransition::start_dosing, f), "transition_not_allowed");
  EXPECT_EQ(refused_field(SessionState::scheduled, SessionTransition::start_dosing, f), "transition");
  EXPECT_EQ(refused_code(SessionState::observing, SessionTransition::resume, f), "transition_not_allowed");
  EXPECT_EQ(refused_code(SessionState::discharged, SessionTransition::abort, f), "transition_not_allowed");
  EXPECT_EQ(refused_code(SessionState::aborted, SessionTransition::check_in, f), "transition_not_allowed");
  EXPECT_EQ(refused_code(SessionState::paused, SessionTransition::stop_dosing, f), "allowed");
}

TEST(Session, AbortIsAllowedFromEveryStateThatIsNotFinalWithAReason) {
  auto f = ready_iv();
  for (auto s : {SessionState::scheduled, SessionState::checked_in, SessionState::ready_to_dose, SessionState::dosing,
                 SessionState::paused, SessionState::observing, SessionState::ready_for_discharge}) {
    EXPECT_EQ(refused_code(s, SessionTransition::abort, f), "reason_required") << to_string(s);
    EXPECT_EQ(refused_field(s, SessionTransition::abort, f), "reason");
  }
  f.abort_reason = "patient unwell before dosing";
  EXPECT_EQ(*apply(SessionState::dosing, SessionTransition::abort, f), SessionState::aborted);
  EXPECT_EQ(transitions_from(SessionState::observing).back(), SessionTransition::abort);
}

TEST(Session, EachPreDosingGateNamesItself) {
  struct Case {
    void (*change)(SessionFacts&);
    const char* code;
    const char* gate;
  };
  const Case cases[] = {
      {[](SessionFacts& f) { f.escort_confirmed = false; }, "escort_unconfirmed", "escort"},
      {[](SessionFacts& f) {
         f.questionnaire_done = false;
         f.questionnaire_skip_reason.clear();
       },
       "questionnaire_missing", "questionnaire"},
      {[](SessionFacts& f) { f.pre_dose_vitals_recorded = false; }, "pre_dose_vitals_missing", "vital_signs"},
      {[](SessionFacts& f) {
         f.pregnancy_applies = true;
         f.pregnancy_status_current = false;
       },
       "pregnancy_status_stale", "pregnancy"},
      {[](SessionFacts& f) { f.pre_dose_bp_above_limit = true; }, "bp_decision_missing", "bp_decision"},
      {[](SessionFacts& f) {
         f.pre_dose_bp_above_limit = true;
         f.bp_decision = BpDecision::defer;
       },
       "bp_deferred", "bp_decision"},
      {[](SessionFacts& f) {
         f.pre_dose_bp_above_limit = true;
         f.bp_decision = BpDecision::proceed;  // without a reason
       },
       "bp_decision_missing", "bp_decision"},
      {[](SessionFacts& f) {
         ReadinessFacts r;
         r.route = Route::iv;
         r.decision = "eligible";
         r.consent_code = "consent_missing";
         f.before_the_day = session_readiness(r);
       },
       "consent_missing", "consent"},
      {[](SessionFacts& f) { f.before_the_day.clear(); }, "readiness_not_evaluated", "eligibility"},
  };
  for (const auto& c : cases) {
    auto f = ready_iv();
    c.change(f);
    EXPECT_EQ(refused_code(SessionState::checked_in, SessionTransition::mark_ready, f), c.code);
    EXPECT_EQ(refused_field(SessionState::checked_in, SessionTransition::mark_ready, f), c.gate);
    EXPECT_EQ(refused_code(SessionState::ready_to_dose, SessionTransition::start_dosing, f), c.code)
        << "the gates are checked again when dosing starts";
  }
}

TEST(Session, AHighPreDoseBpProceedsOnlyWithARecordedReason) {
  auto f = ready_iv();
  f.pre_dose_bp_above_limit = true;
  f.bp_decision = BpDecision::proceed;
  f.bp_decision_reason = "usual for this patient; prescriber informed";
  EXPECT_EQ(refused_code(SessionState::checked_in, SessionTransition::mark_ready, f), "allowed");
}

TEST(Session, SkippingTheQuestionnaireNeedsAReason) {
  auto f = ready_iv();
  f.questionnaire_done = false;
  f.questionnaire_skip_reason = "patient too anxious to read";
  EXPECT_EQ(refused_code(SessionState::checked_in, SessionTransition::mark_ready, f), "allowed");
}

TEST(Session, EsketamineNeedsFastingConfirmed) {
  auto f = ready_iv();
  f.route = Route::intranasal_esketamine;
  EXPECT_EQ(refused_code(SessionState::checked_in, SessionTransition::mark_ready, f), "fasting_unconfirmed");
  f.fasting_confirmed = true;
  EXPECT_EQ(refused_code(SessionState::checked_in, SessionTransition::mark_ready, f), "allowed");
}

TEST(Session, DosingNeedsTheDrugLot) {
  auto f = ready_iv();
  f.drug_lot_recorded = false;
  EXPECT_EQ(refused_code(SessionState::checked_in, SessionTransition::mark_ready, f), "allowed");
  EXPECT_EQ(refused_code(SessionState::ready_to_dose, SessionTransition::start_dosing, f), "drug_lot_missing");
}

TEST(Session, PausingNeedsAReason) {
  auto f = ready_iv();
  EXPECT_EQ(refused_code(SessionState::dosing, SessionTransition::pause, f), "reason_required");
}

TEST(Session, DischargeIsBlockedUntilEveryGateHolds) {
  auto f = ready_iv();
  f.aldrete_score = 8;
  EXPECT_EQ(refused_code(SessionState::observing, SessionTransition::ready_for_discharge, f), "discharge_score_low");
  EXPECT_EQ(refused_field(SessionState::observing, SessionTransition::ready_for_discharge, f), "discharge_score");
  f.aldrete_score = 9;
  EXPECT_EQ(refused_code(SessionState::observing, SessionTransition::ready_for_discharge, f), "allowed");
  f.aldrete_score.reset();
  EXPECT_EQ(refused_code(SessionState::observing, SessionTransition::ready_for_discharge, f),
            "discharge_score_missing");
  f = ready_iv();
  f.minimum_observation_passed = false;
  EXPECT_EQ(refused_code(SessionState::observing, SessionTransition::ready_for_discharge, f), "observation_too_short");
  f = ready_iv();
  f.escort_present = false;
  EXPECT_EQ(refused_code(SessionState::ready_for_discharge, SessionTransition::discharge, f), "escort_absent");
  f = ready_iv();
  f.instructions_given = false;
  EXPECT_EQ(refused_code(SessionState::ready_for_discharge, SessionTransition::discharge, f), "instructions_not_given");
}

TEST(Session, APrescribersOverrideLetsDischargeProceedAndSaysSo) {
  auto f = ready_iv();
  f.aldrete_score = 7;
  f.discharge_override = true;
  EXPECT_EQ(refused_code(SessionState::observing, SessionTransition::ready_for_discharge, f), "allowed");
  auto gates = gates_for(SessionTransition::ready_for_discharge, f);
  EXPECT_NE(gates[1].message.find("Overridden by a prescriber"), std::string::npos);
}

TEST(Session, NamesRoundTrip) {
  for (auto s :
       {SessionState::scheduled, SessionState::paused, SessionState::ready_for_discharge, SessionState::aborted})
    EXPECT_EQ(parse_session_state(to_string(s)), s);
  for (auto t : {SessionTransition::check_in, SessionTransition::ready_for_discharge, SessionTransition::abort})
    EXPECT_EQ(parse_session_transition(to_string(t)), t);
  EXPECT_FALSE(parse_session_state("Dosing"));
  EXPECT_FALSE(parse_session_transition("start"));
}

}  // namespace
}  // namespace kc
