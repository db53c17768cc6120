#include "domain/instruments.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace kc {
namespace {

using Answers = std::map<std::string, int>;

const Instrument& get(std::string_view code) {
  const Instrument* i = find_instrument(code);
  EXPECT_NE(i, nullptr) << code;
  return *i;
}

/// Every item answered `value`.
Answers all(const Instrument& instrument, int value) {
  Answers a;
  for (const auto& item : instrument.items) a[std::string(item.code)] = value;
  return a;
}

/// Every item at its minimum or maximum.
Answers extreme(const Instrument& instrument, bool high) {
  Answers a;
  for (const auto& item : instrument.items) a[std::string(item.code)] = high ? item.max_value : item.min_value;
  return a;
}

/// Answers summing to `total`: items filled from the first, each up to its maximum.
Answers with_total(const Instrument& instrument, int total) {
  Answers a = extreme(instrument, false);
  int left = total - instrument.min_total;
  for (const auto& item : instrument.items) {
    int add = std::min(left, item.max_value - item.min_value);
    a[std::string(item.code)] += add;
    left -= add;
  }
  EXPECT_EQ(left, 0) << instrument.code << " cannot reach " << total;
  return a;
}

Score scored(std::string_view code, const Answers& answers) {
  auto r = score(get(code), answers);
  EXPECT_TRUE(r.ok()) << code << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : Score{};
}

std::string band_at(std::string_view code, int total) { return scored(code, with_total(get(code), total)).band; }

// --- The catalogue --------------------------------------------------------------

TEST(Instruments, AreListedInDisplayOrder) {
  std::vector<std::string_view> codes;
  for (const auto& i : instruments()) codes.push_back(i.code);
  EXPECT_EQ(codes, (std::vector<std::string_view>{"phq9", "gad7", "pcl5", "bprs", "madrs", "cssrs", "cadss",
                                                  "qids_sr16", "pain_nrs", "urinary", "dissociation"}));
}

TEST(Instruments, AreFoundByCode) {
  EXPECT_EQ(find_instrument("phq9")->name, "PHQ-9");
  EXPECT_EQ(find_instrument("qids_sr16")->name, "QIDS-SR16");
  EXPECT_EQ(find_instrument("PHQ9"), nullptr);
  EXPECT_EQ(find_instrument(""), nullptr);
}

TEST(Instruments, ItemsHaveUniqueCodesAndOptionsMatchingTheirRange) {
  for (const auto& i : instruments()) {
    ASSERT_FALSE(i.items.empty()) << i.code;
    std::set<std::string_view> seen;
    for (const auto& item : i.items) {
      EXPECT_TRUE(seen.insert(item.code).second) << i.code << " repeats " << item.code;
      EXPECT_FALSE(item.text.empty()) << item.code;
      EXPECT_LT(item.min_value, item.max_value) << item.code;
      if (item.options.empty()) continue;
      ASSERT_EQ(static_cast<int>(item.options.size()), item.max_value - item.min_value + 1) << item.code;
      for (std::size_t k = 0; k < item.options.size(); ++k) {
        EXPECT_EQ(item.options[k].value, item.min_value + static_cast<int>(k)) << item.code;
        EXPECT_FALSE(item.options[k].label.empty()) << item.code;
      }
    }
  }
}

TEST(Instruments, TotalsSpanTheItemsAndBandsAscendWithinThem) {
  for (const auto& i : instruments()) {
    if (i.code != "cssrs") {  // the C-SSRS total is its risk level, not a sum
      int lo = 0, hi = 0;
      for (const auto& item : i.items) lo += item.min_value, hi += item.max_value;
      EXPECT_EQ(i.min_total, lo) << i.code;
      EXPECT_EQ(i.max_total, hi) << i.code;
    }
    EXPECT_FALSE(i.bands_source.empty()) << i.code;
    EXPECT_FALSE(i.copyright_note.empty()) << i.code;
    if (i.remission_at_most) EXPECT_FALSE(i.remission_source.empty()) << i.code;
    if (i.bands.empty()) continue;
    EXPECT_EQ(i.bands.front().min_total, i.min_total) << i.code;
    for (std::size_t k = 1; k < i.bands.size(); ++k) EXPECT_LT(i.bands[k - 1].min_total, i.bands[k].min_total);
    EXPECT_LE(i.bands.back().min_total, i.max_total) << i.code;
  }
}

TEST(Instruments, SizesAndRangesFollowTheReference) {
  struct Row {
    std::string_view code;
    std::size_t items;
    int min_total, max_total;
  };
  for (auto [code, items, lo, hi] :
       {Row{"phq9", 9, 0, 27}, Row{"gad7", 7, 0, 21}, Row{"pcl5", 20, 0, 80}, Row{"bprs", 18, 18, 126},
        Row{"madrs", 1, 0, 60}, Row{"cssrs", 2, 0, 3}, Row{"cadss", 1, 0, 92}, Row{"qids_sr16", 1, 0, 27},
        Row{"pain_nrs", 1, 0, 10}, Row{"urinary", 4, 0, 4}, Row{"dissociation", 1, 0, 4}}) {
    const auto& i = get(code);
    EXPECT_EQ(i.items.size(), items) << code;
    EXPECT_EQ(i.min_total, lo) << code;
    EXPECT_EQ(i.max_total, hi) << code;
  }
}

TEST(Instruments, LicensedInstrumentsAreClinicianEnteredTotalsOnly) {
  for (std::string_view code : {"madrs", "cssrs", "cadss", "qids_sr16"}) {
    EXPECT_TRUE(get(code).total_only) << code;
    EXPECT_EQ(get(code).completion, Completion::clinician) << code;
  }
  EXPECT_EQ(get("madrs").items[0].code, "total");
  EXPECT_TRUE(get("madrs").items[0].options.empty());
  EXPECT_EQ(get("bprs").completion, Completion::clinician);
  EXPECT_FALSE(get("bprs").total_only);
  for (std::string_view code : {"phq9", "gad7", "pcl5", "pain_nrs", "urinary", "dissociation"}) {
    EXPECT_EQ(get(code).completion, Completion::patient) << code;
    EXPECT_FALSE(get(code).instructions.empty()) << code;
  }
}

TEST(Instruments, LoincCodesAreTheVerifiedOnes) {
  EXPECT_EQ(get("phq9").loinc_panel, "44249-1");
  EXPECT_EQ(get("phq9").loinc_total, "44261-6");
  EXPECT_EQ(get("gad7").loinc_panel, "69737-5");
  EXPECT_EQ(get("gad7").loinc_total, "70274-6");
  EXPECT_EQ(get("cssrs").loinc_total, "93374-7");
  EXPECT_EQ(get("pain_nrs").loinc_total, "72514-3");
  EXPECT_TRUE(get("pcl5").loinc_panel.empty() && get("pcl5").loinc_total.empty()) << "two unverified codes";
}

TEST(Instruments, ResponseRemissionAndMeaningfulChangeWhereTheReferenceGivesThem) {
  EXPECT_TRUE(get("phq9").response_applies);
  EXPECT_EQ(get("phq9").remission_at_most, 4);
  EXPECT_TRUE(get("gad7").response_applies);
  EXPECT_FALSE(get("gad7").remission_at_most);
  EXPECT_EQ(get("pcl5").meaningful_change_points, 10);
  EXPECT_FALSE(get("bprs").response_applies);
  EXPECT_EQ(get("madrs").remission_at_most, 12);
  EXPECT_EQ(get("qids_sr16").remission_at_most, 5);
  EXPECT_FALSE(get("pain_nrs").response_applies);
}

TEST(Instruments, PhqNineQuestionNineAsksAboutSelfHarm) {
  const auto& item = get("phq9").items[8];
  EXPECT_EQ(item.code, "phq9_9");
  EXPECT_EQ(item.text, "Thoughts that you would be better off dead, or thoughts of hurting yourself in some way");
  EXPECT_EQ(item.options[3].label, "Nearly every day");
}

TEST(Instruments, PainOptionsAreLabelledForEveryNumber) {
  const auto& options = get("pain_nrs").items[0].options;
  ASSERT_EQ(options.size(), 11u);
  EXPECT_EQ(options[0].label, "0 – No pain");
  EXPECT_EQ(options[5].label, "5");
  EXPECT_EQ(options[10].label, "10 – Worst pain you can imagine");
}

// --- Checking answers -------------------------------------------------------------

TEST(InstrumentAnswers, EveryInstrumentRejectsMissingOutOfRangeAndUnknownItems) {
  for (const auto& i : instruments()) {
    auto lowest = extreme(i, false);
    EXPECT_TRUE(score(i, lowest).ok()) << i.code;
    for (const auto& item : i.items) {
      const std::string field = "answers." + std::string(item.code);
      auto missing = lowest;
      missing.erase(std::string(item.code));
      auto r = score(i, missing);
      ASSERT_FALSE(r.ok()) << item.code;
      EXPECT_EQ(r.error().field, field);
      EXPECT_EQ(r.error().code, "validation_failed");
      EXPECT_EQ(r.error().kind, ErrorKind::invalid);

      for (int bad : {item.min_value - 1, item.max_value + 1}) {
        auto out = lowest;
        out[std::string(item.code)] = bad;
        auto e = score(i, out);
        ASSERT_FALSE(e.ok()) << item.code << " " << bad;
        EXPECT_EQ(e.error().field, field);
        EXPECT_FALSE(check_answer(i, item.code, bad).ok());
      }
      EXPECT_TRUE(check_answer(i, item.code, item.min_value).ok());
      EXPECT_TRUE(check_answer(i, item.code, item.max_value).ok());
    }
    auto extra = lowest;
    extra["nope"] = 0;
    auto u = score(i, extra);
    ASSERT_FALSE(u.ok()) << i.code;
    EXPECT_EQ(u.error().field, "answers.nope");
  }
}

TEST(InstrumentAnswers, MessagesNameTheQuestionForPeople) {
  const auto& phq9 = get("phq9");
  auto missing = all(phq9, 1);
  missing.erase("phq9_4");
  EXPECT_EQ(score(phq9, missing).error().message, "Answer question 4 of the PHQ-9.");
  auto r = check_answer(phq9, "phq9_4", 7);
  EXPECT_EQ(r.error().message, "Question 4 of the PHQ-9 has no answer 7.");
  EXPECT_EQ(r.error().field, "answers.phq9_4");
  EXPECT_EQ(check_answer(phq9, "x", 1).error().message, "The PHQ-9 has no question \"x\".");
  EXPECT_EQ(check_answer(get("madrs"), "total", 61).error().message,
            "\"MADRS total (clinician-rated)\" must be a whole number from 0 to 60.");
  EXPECT_EQ(score(get("madrs"), {}).error().message, "Enter \"MADRS total (clinician-rated)\" for the MADRS.");
  EXPECT_EQ(check_answer(get("cssrs"), "risk_level", 4).error().message,
            "\"Risk level (clinician judgement)\" for the C-SSRS has no answer 4.");
}

TEST(InstrumentAnswers, PartialAnswersAreCheckedOneByOne) {
  const auto& phq9 = get("phq9");
  EXPECT_TRUE(check_answers(phq9, {}).ok());
  EXPECT_TRUE(check_answers(phq9, {{"phq9_1", 3}, {"phq9_9", 0}}).ok());
  EXPECT_EQ(check_answers(phq9, {{"phq9_1", 3}, {"phq9_2", 4}}).error().field, "answers.phq9_2");
  EXPECT_EQ(check_answers(phq9, {{"gad7_1", 1}}).error().field, "answers.gad7_1");
}

// --- Scores and bands, instrument by instrument -----------------------------------

TEST(ScorePhq9, MinimumMaximumAndTypical) {
  const auto& i = get("phq9");
  EXPECT_EQ(scored("phq9", all(i, 0)).total, 0);
  EXPECT_EQ(scored("phq9", all(i, 0)).band, "None–minimal");
  EXPECT_EQ(scored("phq9", all(i, 3)).total, 27);
  EXPECT_EQ(scored("phq9", all(i, 3)).band, "Severe");
  Answers typical = {{"phq9_1", 2}, {"phq9_2", 2}, {"phq9_3", 3}, {"phq9_4", 2}, {"phq9_5", 1},
                     {"phq9_6", 1}, {"phq9_7", 1}, {"phq9_8", 0}, {"phq9_9", 0}};
  EXPECT_EQ(scored("phq9", typical).total, 12);
  EXPECT_EQ(scored("phq9", typical).band, "Moderate");
}

TEST(ScorePhq9, BandBoundaries) {
  EXPECT_EQ(band_at("phq9", 4), "None–minimal");
  EXPECT_EQ(band_at("phq9", 5), "Mild");
  EXPECT_EQ(band_at("phq9", 9), "Mild");
  EXPECT_EQ(band_at("phq9", 10), "Moderate");
  EXPECT_EQ(band_at("phq9", 14), "Moderate");
  EXPECT_EQ(band_at("phq9", 15), "Moderately severe");
  EXPECT_EQ(band_at("phq9", 19), "Moderately severe");
  EXPECT_EQ(band_at("phq9", 20), "Severe");
}

TEST(ScoreGad7, MinimumMaximumTypicalAndBands) {
  const auto& i = get("gad7");
  EXPECT_EQ(scored("gad7", all(i, 0)).total, 0);
  EXPECT_EQ(scored("gad7", all(i, 0)).band, "Minimal");
  EXPECT_EQ(scored("gad7", all(i, 3)).total, 21);
  EXPECT_EQ(scored("gad7", all(i, 3)).band, "Severe");
  Answers typical = {{"gad7_1", 2}, {"gad7_2", 1}, {"gad7_3", 2}, {"gad7_4", 1},
                     {"gad7_5", 0}, {"gad7_6", 1}, {"gad7_7", 1}};
  EXPECT_EQ(scored("gad7", typical).total, 8);
  EXPECT_EQ(scored("gad7", typical).band, "Mild");
  EXPECT_EQ(band_at("gad7", 4), "Minimal");
  EXPECT_EQ(band_at("gad7", 5), "Mild");
  EXPECT_EQ(band_at("gad7", 9), "Mild");
  EXPECT_EQ(band_at("gad7", 10), "Moderate");
  EXPECT_EQ(band_at("gad7", 14), "Moderate");
  EXPECT_EQ(band_at("gad7", 15), "Severe");
}

TEST(ScorePcl5, MinimumMaximumTypicalAndThreshold) {
  const auto& i = get("pcl5");
  EXPECT_EQ(scored("pcl5", all(i, 0)).total, 0);
  EXPECT_EQ(scored("pcl5", all(i, 0)).band, "Below the probable-PTSD threshold");
  EXPECT_EQ(scored("pcl5", all(i, 4)).total, 80);
  EXPECT_EQ(scored("pcl5", all(i, 4)).band, "Probable PTSD");
  EXPECT_EQ(scored("pcl5", all(i, 2)).total, 40);
  EXPECT_EQ(band_at("pcl5", 32), "Below the probable-PTSD threshold");
  EXPECT_EQ(band_at("pcl5", 33), "Probable PTSD");
}

TEST(ScoreBprs, SumsFromEighteenWithoutBands) {
  const auto& i = get("bprs");
  EXPECT_EQ(scored("bprs", all(i, 1)).total, 18);
  EXPECT_EQ(scored("bprs", all(i, 7)).total, 126);
  EXPECT_EQ(scored("bprs", all(i, 1)).band, "");
  auto typical = all(i, 2);
  typical["bprs_2"] = 5;
  typical["bprs_9"] = 6;
  EXPECT_EQ(scored("bprs", typical).total, 36 + 3 + 4);
  EXPECT_EQ(scored("bprs", typical).band, "");
  EXPECT_FALSE(check_answer(i, "bprs_1", 0).ok()) << "1 is the lowest BPRS rating";
}

TEST(ScoreMadrs, TheClinicianTotalIsTheScore) {
  EXPECT_EQ(scored("madrs", {{"total", 0}}).total, 0);
  EXPECT_EQ(scored("madrs", {{"total", 60}}).total, 60);
  EXPECT_EQ(scored("madrs", {{"total", 31}}).total, 31);
  EXPECT_EQ(scored("madrs", {{"total", 31}}).band, "");
  EXPECT_FALSE(score(get("madrs"), {{"total", 61}}).ok());
  EXPECT_FALSE(score(get("madrs"), {{"total", -1}}).ok());
}

TEST(ScoreCssrs, TheTotalAndBandAreTheRiskLevel) {
  EXPECT_EQ(scored("cssrs", {{"screen_positive", 0}, {"risk_level", 0}}).total, 0);
  EXPECT_EQ(scored("cssrs", {{"screen_positive", 0}, {"risk_level", 0}}).band, "None");
  const char* labels[] = {"None", "Low", "Moderate", "High"};
  for (int level = 1; level <= 3; ++level) {
    auto s = scored("cssrs", {{"screen_positive", 1}, {"risk_level", level}});
    EXPECT_EQ(s.total, level);
    EXPECT_EQ(s.band, labels[level]);
  }
  EXPECT_EQ(scored("cssrs", {{"screen_positive", 0}, {"risk_level", 2}}).total, 2)
      << "a clinician may judge risk after a negative screen";
}

TEST(ScoreCssrs, APositiveScreenNeedsARiskLevel) {
  auto r = score(get("cssrs"), {{"screen_positive", 1}, {"risk_level", 0}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "answers.risk_level");
  EXPECT_EQ(r.error().message, "A positive screen needs a risk level.");
  EXPECT_EQ(r.error().code, "validation_failed");
}

TEST(ScoreCadss, TheClinicianTotalIsTheScore) {
  EXPECT_EQ(scored("cadss", {{"total", 0}}).total, 0);
  EXPECT_EQ(scored("cadss", {{"total", 92}}).total, 92);
  EXPECT_EQ(scored("cadss", {{"total", 14}}).band, "");
  EXPECT_FALSE(score(get("cadss"), {{"total", 93}}).ok());
}

TEST(ScoreQids, TotalAndBandBoundaries) {
  EXPECT_EQ(scored("qids_sr16", {{"total", 0}}).band, "None");
  EXPECT_EQ(scored("qids_sr16", {{"total", 27}}).band, "Very severe");
  EXPECT_EQ(scored("qids_sr16", {{"total", 13}}).total, 13);
  EXPECT_EQ(band_at("qids_sr16", 5), "None");
  EXPECT_EQ(band_at("qids_sr16", 6), "Mild");
  EXPECT_EQ(band_at("qids_sr16", 10), "Mild");
  EXPECT_EQ(band_at("qids_sr16", 11), "Moderate");
  EXPECT_EQ(band_at("qids_sr16", 15), "Moderate");
  EXPECT_EQ(band_at("qids_sr16", 16), "Severe");
  EXPECT_EQ(band_at("qids_sr16", 20), "Severe");
  EXPECT_EQ(band_at("qids_sr16", 21), "Very severe");
  EXPECT_FALSE(score(get("qids_sr16"), {{"total", 28}}).ok());
}

TEST(ScorePain, OneNumberFromZeroToTen) {
  EXPECT_EQ(scored("pain_nrs", {{"pain_nrs_1", 0}}).total, 0);
  EXPECT_EQ(scored("pain_nrs", {{"pain_nrs_1", 10}}).total, 10);
  EXPECT_EQ(scored("pain_nrs", {{"pain_nrs_1", 6}}).total, 6);
  EXPECT_EQ(scored("pain_nrs", {{"pain_nrs_1", 6}}).band, "");
  EXPECT_FALSE(score(get("pain_nrs"), {{"pain_nrs_1", 11}}).ok());
}

TEST(ScoreUrinary, CountsYesAnswersAndAnyYesIsPositive) {
  const auto& i = get("urinary");
  EXPECT_EQ(scored("urinary", all(i, 0)).total, 0);
  EXPECT_EQ(scored("urinary", all(i, 0)).band, "No symptoms");
  EXPECT_EQ(scored("urinary", all(i, 1)).total, 4);
  EXPECT_EQ(scored("urinary", all(i, 1)).band, "Positive screen – review");
  auto one = all(i, 0);
  one["urinary_pain"] = 1;
  EXPECT_EQ(scored("urinary", one).total, 1);
  EXPECT_EQ(scored("urinary", one).band, "Positive screen – review");
  EXPECT_EQ(band_at("urinary", 0), "No symptoms");
  EXPECT_EQ(band_at("urinary", 1), "Positive screen – review");
  EXPECT_FALSE(check_answer(i, "urinary_blood", 2).ok());
}

TEST(ScoreDissociation, OneRatingFromZeroToFour) {
  EXPECT_EQ(scored("dissociation", {{"dissociation_1", 0}}).total, 0);
  EXPECT_EQ(scored("dissociation", {{"dissociation_1", 4}}).total, 4);
  EXPECT_EQ(scored("dissociation", {{"dissociation_1", 2}}).total, 2);
  EXPECT_EQ(scored("dissociation", {{"dissociation_1", 2}}).band, "");
  EXPECT_FALSE(score(get("dissociation"), {{"dissociation_1", 5}}).ok());
}

TEST(InstrumentBands, OutsideTheBandsThereIsNoLabel) {
  EXPECT_EQ(band_for(get("phq9"), -1), "");
  EXPECT_EQ(band_for(get("bprs"), 50), "");
  EXPECT_EQ(band_for(get("phq9"), 27), "Severe");
}

}  // namespace
}  // namespace kc
