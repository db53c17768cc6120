#include "domain/instruments.h"

#include <algorithm>

namespace kc {
namespace {

// --- Answer options --------------------------------------------------------------

constexpr AnswerOption kFrequency[] = {
    {0, "Not at all"}, {1, "Several days"}, {2, "More than half the days"}, {3, "Nearly every day"}};

constexpr AnswerOption kBothered[] = {
    {0, "Not at all"}, {1, "A little bit"}, {2, "Moderately"}, {3, "Quite a bit"}, {4, "Extremely"}};

constexpr AnswerOption kBprsSeverity[] = {{1, "Not present"},     {2, "Very mild"},         {3, "Mild"},
                                          {4, "Moderate"},        {5, "Moderately severe"}, {6, "Severe"},
                                          {7, "Extremely severe"}};

constexpr AnswerOption kNoYes[] = {{0, "No"}, {1, "Yes"}};

constexpr AnswerOption kRiskLevel[] = {{0, "None"}, {1, "Low"}, {2, "Moderate"}, {3, "High"}};

constexpr AnswerOption kPain[] = {{0, "0 – No pain"},
                                  {1, "1"},
                                  {2, "2"},
                                  {3, "3"},
                                  {4, "4"},
                                  {5, "5"},
                                  {6, "6"},
                                  {7, "7"},
                                  {8, "8"},
                                  {9, "9"},
                                  {10, "10 – Worst pain you can imagine"}};

constexpr AnswerOption kDetached[] = {
    {0, "Not at all"}, {1, "Slightly"}, {2, "Moderately"}, {3, "Strongly"}, {4, "Extremely"}};

// --- PHQ-9 (Kroenke, Spitzer & Williams 2001; free to reproduce) -------------------

constexpr InstrumentItem kPhq9Items[] = {
    {"phq9_1", "Little interest or pleasure in doing things", kFrequency, 0, 3},
    {"phq9_2", "Feeling down, depressed, or hopeless", kFrequency, 0, 3},
    {"phq9_3", "Trouble falling or staying asleep, or sleeping too much", kFrequency, 0, 3},
    {"phq9_4", "Feeling tired or having little energy", kFrequency, 0, 3},
    {"phq9_5", "Poor appetite or overeating", kFrequency, 0, 3},
    {"phq9_6", "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
     kFrequency, 0, 3},
    {"phq9_7", "Trouble concentrating on things, such as reading the newspaper or watching television", kFrequency, 0,
     3},
    {"phq9_8",
     "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or "
     "restless that you have been moving around a lot more than usual",
     kFrequency, 0, 3},
    {"phq9_9", "Thoughts that you would be better off dead, or thoughts of hurting yourself in some way", kFrequency, 0,
     3},
};

constexpr SeverityBand kPhq9Bands[] = {
    {0, "None–minimal"}, {5, "Mild"}, {10, "Moderate"}, {15, "Moderately severe"}, {20, "Severe"}};

// --- GAD-7 (Spitzer et al. 2006; free to reproduce) --------------------------------

constexpr InstrumentItem kGad7Items[] = {
    {"gad7_1", "Feeling nervous, anxious, or on edge", kFrequency, 0, 3},
    {"gad7_2", "Not being able to stop or control worrying", kFrequency, 0, 3},
    {"gad7_3", "Worrying too much about different things", kFrequency, 0, 3},
    {"gad7_4", "Trouble relaxing", kFrequency, 0, 3},
    {"gad7_5", "Being so restless that it is hard to sit still", kFrequency, 0, 3},
    {"gad7_6", "Becoming easily annoyed or irritable", kFrequency, 0, 3},
    {"gad7_7", "Feeling afraid, as if something awful might happen", kFrequency, 0, 3},
};

constexpr SeverityBand kGad7Bands[] = {{0, "Minimal"}, {5, "Mild"}, {10, "Moderate"}, {15, "Severe"}};

// --- PCL-5 (National Center for PTSD; US government work) --------------------------

constexpr InstrumentItem kPcl5Items[] = {
    {"pcl5_1", "Repeated, disturbing, and unwanted memories of the stressful experience?", kBothered, 0, 4},
    {"pcl5_2", "Repeated, disturbing dreams of the stressful experience?", kBothered, 0, 4},
    {"pcl5_3",
     "Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were "
     "actually back there reliving it)?",
     kBothered, 0, 4},
    {"pcl5_4", "Feeling very upset when something reminded you of the stressful experience?", kBothered, 0, 4},
    {"pcl5_5",
     "Having strong physical reactions when something reminded you of the stressful experience (for example, heart "
     "pounding, trouble breathing, sweating)?",
     kBothered, 0, 4},
    {"pcl5_6", "Avoiding memories, thoughts, or feelings related to the stressful experience?", kBothered, 0, 4},
    {"pcl5_7",
     "Avoiding external reminders of the stressful experience (for example, people, places, conversations, "
     "activities, objects, or situations)?",
     kBothered, 0, 4},
    {"pcl5_8", "Trouble remembering important parts of the stressful experience?", kBothered, 0, 4},
    {"pcl5_9",
     "Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such "
     "as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely "
     "dangerous)?",
     kBothered, 0, 4},
    {"pcl5_10", "Blaming yourself or someone else for the stressful experience or what happened after it?", kBothered,
     0, 4},
    {"pcl5_11", "Having strong negative feelings such as fear, horror, anger, guilt, or shame?", kBothered, 0, 4},
    {"pcl5_12", "Loss of interest in activities that you used to enjoy?", kBothered, 0, 4},
    {"pcl5_13", "Feeling distant or cut off from other people?", kBothered, 0, 4},
    {"pcl5_14",
     "Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings "
     "for people close to you)?",
     kBothered, 0, 4},
    {"pcl5_15", "Irritable behavior, angry outbursts, or acting aggressively?", kBothered, 0, 4},
    {"pcl5_16", "Taking too many risks or doing things that could cause you harm?", kBothered, 0, 4},
    {"pcl5_17", "Being \"superalert\" or watchful or on guard?", kBothered, 0, 4},
    {"pcl5_18", "Feeling jumpy or easily startled?", kBothered, 0, 4},
    {"pcl5_19", "Having difficulty concentrating?", kBothered, 0, 4},
    {"pcl5_20", "Trouble falling or staying asleep?", kBothered, 0, 4},
};

constexpr SeverityBand kPcl5Bands[] = {{0, "Below the probable-PTSD threshold"}, {33, "Probable PTSD"}};

// --- BPRS (Overall & Gorham 1962, 18 items; public domain) -------------------------

constexpr InstrumentItem kBprsItems[] = {
    {"bprs_1", "Somatic concern", kBprsSeverity, 1, 7},
    {"bprs_2", "Anxiety", kBprsSeverity, 1, 7},
    {"bprs_3", "Emotional withdrawal", kBprsSeverity, 1, 7},
    {"bprs_4", "Conceptual disorganisation", kBprsSeverity, 1, 7},
    {"bprs_5", "Guilt feelings", kBprsSeverity, 1, 7},
    {"bprs_6", "Tension", kBprsSeverity, 1, 7},
    {"bprs_7", "Mannerisms and posturing", kBprsSeverity, 1, 7},
    {"bprs_8", "Grandiosity", kBprsSeverity, 1, 7},
    {"bprs_9", "Depressive mood", kBprsSeverity, 1, 7},
    {"bprs_10", "Hostility", kBprsSeverity, 1, 7},
    {"bprs_11", "Suspiciousness", kBprsSeverity, 1, 7},
    {"bprs_12", "Hallucinatory behaviour", kBprsSeverity, 1, 7},
    {"bprs_13", "Motor retardation", kBprsSeverity, 1, 7},
    {"bprs_14", "Uncooperativeness", kBprsSeverity, 1, 7},
    {"bprs_15", "Unusual thought content", kBprsSeverity, 1, 7},
    {"bprs_16", "Blunted affect", kBprsSeverity, 1, 7},
    {"bprs_17", "Excitement", kBprsSeverity, 1, 7},
    {"bprs_18", "Disorientation", kBprsSeverity, 1, 7},
};

// --- Licensed instruments: clinician-entered results only ---------------------------

constexpr InstrumentItem kMadrsItems[] = {{"total", "MADRS total (clinician-rated)", {}, 0, 60}};

constexpr InstrumentItem kCssrsItems[] = {
    {"screen_positive", "Screener result: any positive answer", kNoYes, 0, 1},
    {"risk_level", "Risk level (clinician judgement)", kRiskLevel, 0, 3},
};

constexpr SeverityBand kCssrsBands[] = {{0, "None"}, {1, "Low"}, {2, "Moderate"}, {3, "High"}};

constexpr InstrumentItem kCadssItems[] = {{"total", "CADSS total (clinician-rated)", {}, 0, 92}};

constexpr InstrumentItem kQidsItems[] = {{"total", "QIDS-SR16 total", {}, 0, 27}};

constexpr SeverityBand kQidsBands[] = {{0, "None"}, {6, "Mild"}, {11, "Moderate"}, {16, "Severe"}, {21, "Very severe"}};

// --- KetaClinic's own items ---------------------------------------------------------

constexpr InstrumentItem kPainItems[] = {
    {"pain_nrs_1", "What number best describes your pain on average over the last 24 hours?", kPain, 0, 10}};

constexpr InstrumentItem kUrinaryItems[] = {
    {"urinary_frequency", "In the last 2 weeks, have you needed to pass urine much more often than usual?", kNoYes, 0,
     1},
    {"urinary_urgency", "In the last 2 weeks, have you had a sudden, urgent need to pass urine that was hard to hold?",
     kNoYes, 0, 1},
    {"urinary_pain", "In the last 2 weeks, have you had pain in your lower belly or when passing urine?", kNoYes, 0, 1},
    {"urinary_blood", "In the last 2 weeks, have you seen blood in your urine?", kNoYes, 0, 1},
};

constexpr SeverityBand kUrinaryBands[] = {{0, "No symptoms"}, {1, "Positive screen – review"}};

constexpr InstrumentItem kDissociationItems[] = {
    {"dissociation_1", "Right now, how detached do you feel from yourself or your surroundings?", kDetached, 0, 4}};

// --- The instruments, in display order ----------------------------------------------

constexpr std::string_view kNoRemission = "No remission threshold is given in the clinical reference (§6).";

constexpr Instrument kInstruments[] = {
    {
        .code = "phq9",
        .name = "PHQ-9",
        .title = "Patient Health Questionnaire (PHQ-9)",
        .instructions = "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
        .completion = Completion::patient,
        .total_only = false,
        .items = kPhq9Items,
        .min_total = 0,
        .max_total = 27,
        .bands = kPhq9Bands,
        .bands_source = "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity "
                        "measure. J Gen Intern Med 2001;16:606-613 (cut-offs 5, 10, 15, 20; reference §6).",
        .response_applies = true,
        .remission_at_most = 4,
        .remission_source = "Remission at a total below 5 (reference §6).",
        .meaningful_change_points = std::nullopt,
        .loinc_panel = "44249-1",
        .loinc_total = "44261-6",
        .copyright_note = "Free to reproduce without permission (Pfizer; Kroenke and Spitzer): the item text is shown.",
    },
    {
        .code = "gad7",
        .name = "GAD-7",
        .title = "Generalized Anxiety Disorder scale (GAD-7)",
        .instructions = "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
        .completion = Completion::patient,
        .total_only = false,
        .items = kGad7Items,
        .min_total = 0,
        .max_total = 21,
        .bands = kGad7Bands,
        .bands_source = "Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized "
                        "anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092-1097 (cut-offs 5, 10, 15; "
                        "reference §6).",
        .response_applies = true,
        .remission_at_most = std::nullopt,
        .remission_source = kNoRemission,
        .meaningful_change_points = std::nullopt,
        .loinc_panel = "69737-5",
        .loinc_total = "70274-6",
        .copyright_note = "Free to reproduce without permission (Pfizer; Spitzer et al.): the item text is shown.",
    },
    {
        .code = "pcl5",
        .name = "PCL-5",
        .title = "PTSD Checklist for DSM-5 (PCL-5)",
        .instructions = "In the past month, how much were you bothered by:",
        .completion = Completion::patient,
        .total_only = false,
        .items = kPcl5Items,
        .min_total = 0,
        .max_total = 80,
        .bands = kPcl5Bands,
        .bands_source = "National Center for PTSD: the clinical reference (§6) gives a probable-PTSD threshold of "
                        "31-33; KetaClinic uses 33, the upper end. A clinic should confirm the threshold it uses.",
        .response_applies = true,
        .remission_at_most = std::nullopt,
        .remission_source = kNoRemission,
        .meaningful_change_points = 10,
        .loinc_panel = "",
        .loinc_total = "",
        .copyright_note = "A US government work (National Center for PTSD), in the public domain: the item text is "
                          "shown. LOINC: two codes were seen (77040-1, 91006-2); neither is verified, so none is "
                          "used.",
    },
    {
        .code = "bprs",
        .name = "BPRS",
        .title = "Brief Psychiatric Rating Scale (BPRS)",
        .instructions = "Rate each symptom from the interview and your observation, from 1 (not present) to 7 "
                        "(extremely severe).",
        .completion = Completion::clinician,
        .total_only = false,
        .items = kBprsItems,
        .min_total = 18,
        .max_total = 126,
        .bands = {},
        .bands_source = "No published bands in the clinical reference (§6).",
        .response_applies = false,
        .remission_at_most = std::nullopt,
        .remission_source = kNoRemission,
        .meaningful_change_points = std::nullopt,
        .loinc_panel = "",
        .loinc_total = "",
        .copyright_note = "In the public domain (Overall and Gorham 1962): the 18 symptom constructs are shown.",
    },
    {
        .code = "madrs",
        .name = "MADRS",
        .title = "Montgomery–Åsberg Depression Rating Scale (MADRS)",
        .instructions = "",
        .completion = Completion::clinician,
        .total_only = true,
        .items = kMadrsItems,
        .min_total = 0,
        .max_total = 60,
        .bands = {},
        .bands_source = "No bands in the clinical reference (§6).",
        .response_applies = true,
        .remission_at_most = 12,
        .remission_source = "Remission at a total of 12 or less, as in the esketamine trials (reference §6); a total "
                            "below 10 is also used.",
        .meaningful_change_points = std::nullopt,
        .loinc_panel = "",
        .loinc_total = "",
        .copyright_note = "Copyrighted: its items are not shown; only the clinician-entered total is stored.",
    },
    {
        .code = "cssrs",
        .name = "C-SSRS",
        .title = "Columbia-Suicide Severity Rating Scale (C-SSRS)",
        .instructions = "",
        .completion = Completion::clinician,
        .total_only = true,
        .items = kCssrsItems,
        .min_total = 0,
        .max_total = 3,
        .bands = kCssrsBands,
        .bands_source = "The risk level the clinician judged after the screener (reference §6); the band is that "
                        "level, not a computed cut-off.",
        .response_applies = false,
        .remission_at_most = std::nullopt,
        .remission_source = kNoRemission,
        .meaningful_change_points = std::nullopt,
        .loinc_panel = "",
        .loinc_total = "93374-7",
        .copyright_note = "Electronic use is licensed: its questions are not shown; only the clinician-entered "
                          "screener result and risk level are stored. LOINC: the risk level is 93374-7; the screener "
                          "items are 93246-7 to 93250-9 (not used: their answers are not stored).",
    },
    {
        .code = "cadss",
        .name = "CADSS",
        .title = "Clinician-Administered Dissociative States Scale (CADSS)",
        .instructions = "",
        .completion = Completion::clinician,
        .total_only = true,
        .items = kCadssItems,
        .min_total = 0,
        .max_total = 92,
        .bands = {},
        .bands_source = "No bands in the clinical reference (§6). The range is 23 items of 0-4, as in ketamine "
                        "studies.",
        .response_applies = false,
        .remission_at_most = std::nullopt,
        .remission_source = kNoRemission,
        .meaningful_change_points = std::nullopt,
        .loinc_panel = "",
        .loinc_total = "",
        .copyright_note = "Permission is assumed to be needed: its items are not shown; only the clinician-entered "
                          "total is stored.",
    },
    {
        .code = "qids_sr16",
        .name = "QIDS-SR16",
        .title = "Quick Inventory of Depressive Symptomatology, self-report (QIDS-SR16)",
        .instructions = "",
        .completion = Completion::clinician,
        .total_only = true,
        .items = kQidsItems,
        .min_total = 0,
        .max_total = 27,
        .bands = kQidsBands,
        .bands_source = "Rush AJ et al. The 16-item QIDS, CIDS and QIDS-SR. Biol Psychiatry 2003;54:573-583 "
                        "(5 or less none, 6-10 mild, 11-15 moderate, 16-20 severe, 21-27 very severe; reference §6).",
        .response_applies = true,
        .remission_at_most = 5,
        .remission_source = "Remission at a total of 5 or less, the upper end of the \"none\" band (reference §6).",
        .meaningful_change_points = std::nullopt,
        .loinc_panel = "",
        .loinc_total = "",
        .copyright_note = "Terms of use are unclear: only the total, entered by staff, is stored until they are "
                          "confirmed.",
    },
    {
        .code = "pain_nrs",
        .name = "Pain (0–10)",
        .title = "Pain intensity numeric rating scale (0–10)",
        .instructions = "Choose one number from 0 (no pain) to 10 (the worst pain you can imagine).",
        .completion = Completion::patient,
        .total_only = false,
        .items = kPainItems,
        .min_total = 0,
        .max_total = 10,
        .bands = {},
        .bands_source = "No bands in the clinical reference (§6).",
        .response_applies = false,
        .remission_at_most = std::nullopt,
        .remission_source = kNoRemission,
        .meaningful_change_points = std::nullopt,
        .loinc_panel = "",
        .loinc_total = "72514-3",
        .copyright_note = "A generic scale; the wording is KetaClinic's own.",
    },
    {
        .code = "urinary",
        .name = "Bladder symptoms",
        .title = "Bladder symptoms screen",
        .instructions = "Ketamine can irritate the bladder. Please answer each question.",
        .completion = Completion::patient,
        .total_only = false,
        .items = kUrinaryItems,
        .min_total = 0,
        .max_total = 4,
        .bands = kUrinaryBands,
        .bands_source = "KetaClinic's own screen for ketamine-related bladder problems, asked at every visit "
                        "(reference §5, Chan 2022): any symptom is a positive screen, so a clinician reviews it.",
        .response_applies = false,
        .remission_at_most = std::nullopt,
        .remission_source = kNoRemission,
        .meaningful_change_points = std::nullopt,
        .loinc_panel = "",
        .loinc_total = "",
        .copyright_note = "KetaClinic's own wording.",
    },
    {
        .code = "dissociation",
        .name = "Dissociation (0–4)",
        .title = "Dissociation right now (0–4)",
        .instructions = "Choose the answer that best fits how you feel at this moment.",
        .completion = Completion::patient,
        .total_only = false,
        .items = kDissociationItems,
        .min_total = 0,
        .max_total = 4,
        .bands = {},
        .bands_source = "KetaClinic's own single question; no bands.",
        .response_applies = false,
        .remission_at_most = std::nullopt,
        .remission_source = kNoRemission,
        .meaningful_change_points = std::nullopt,
        .loinc_panel = "",
        .loinc_total = "",
        .copyright_note = "KetaClinic's own wording.",
    },
};

const InstrumentItem* find_item(const Instrument& instrument, std::string_view code, int& number) {
  for (std::size_t i = 0; i < instrument.items.size(); ++i) {
    if (instrument.items[i].code == code) {
      number = static_cast<int>(i) + 1;
      return &instrument.items[i];
    }
  }
  return nullptr;
}

std::string field_of(std::string_view item_code) { return "answers." + std::string(item_code); }

std::string missing_message(const Instrument& instrument, const InstrumentItem& item, int number) {
  if (instrument.total_only)
    return "Enter \"" + std::string(item.text) + "\" for the " + std::string(instrument.name) + ".";
  return "Answer question " + std::to_string(number) + " of the " + std::string(instrument.name) + ".";
}

bool allowed(const InstrumentItem& item, int value) {
  if (item.options.empty()) return value >= item.min_value && value <= item.max_value;
  return std::any_of(item.options.begin(), item.options.end(), [&](const AnswerOption& o) { return o.value == value; });
}

}  // namespace

std::span<const Instrument> instruments() { return kInstruments; }

const Instrument* find_instrument(std::string_view code) {
  for (const auto& i : kInstruments)
    if (i.code == code) return &i;
  return nullptr;
}

Result<bool> check_answer(const Instrument& instrument, std::string_view item_code, int value) {
  int number = 0;
  const InstrumentItem* item = find_item(instrument, item_code, number);
  const std::string name(instrument.name);
  if (!item)
    return Error::invalid(field_of(item_code), "The " + name + " has no " +
                                                   (instrument.total_only ? "item" : "question") + " \"" +
                                                   std::string(item_code) + "\".");
  if (allowed(*item, value)) return true;
  if (item->options.empty())
    return Error::invalid(field_of(item_code), "\"" + std::string(item->text) + "\" must be a whole number from " +
                                                   std::to_string(item->min_value) + " to " +
                                                   std::to_string(item->max_value) + ".");
  const std::string what = instrument.total_only ? "\"" + std::string(item->text) + "\" for the " + name
                                                 : "Question " + std::to_string(number) + " of the " + name;
  return Error::invalid(field_of(item_code), what + " has no answer " + std::to_string(value) + ".");
}

Result<bool> check_answers(const Instrument& instrument, const std::map<std::string, int>& answers) {
  for (const auto& [code, value] : answers) {
    auto r = check_answer(instrument, code, value);
    if (!r) return r.error();
  }
  return true;
}

Result<Score> score(const Instrument& instrument, const std::map<std::string, int>& answers) {
  if (auto checked = check_answers(instrument, answers); !checked) return checked.error();
  int total = 0;
  for (std::size_t i = 0; i < instrument.items.size(); ++i) {
    const auto& item = instrument.items[i];
    auto it = answers.find(std::string(item.code));
    if (it == answers.end())
      return Error::invalid(field_of(item.code), missing_message(instrument, item, static_cast<int>(i) + 1));
    total += it->second;
  }
  if (instrument.code == "cssrs") {
    const int level = answers.at("risk_level");
    if (answers.at("screen_positive") == 1 && level == 0)
      return Error::invalid("answers.risk_level", "A positive screen needs a risk level.");
    total = level;
  }
  // Urinary: every item is 0 (no) or 1 (yes), so the sum is the number of "yes" answers.
  return Score{total, band_for(instrument, total)};
}

std::string band_for(const Instrument& instrument, int total) {
  std::string_view label;
  for (const auto& b : instrument.bands)
    if (total >= b.min_total) label = b.label;
  return std::string(label);
}

}  // namespace kc
