#include "domain/eligibility.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace kc {
namespace {

constexpr std::string_view kSpravatoContra = "Spravato prescribing information: contraindications";
constexpr std::string_view kSpravatoWarnings = "Spravato prescribing information: warnings and precautions";
constexpr std::string_view kSpravatoInteractions = "Spravato prescribing information: drug interactions; REMS form";
constexpr std::string_view kSeeds = "KetaClinic clinical reference §4 (clinic journey seeds)";

const std::vector<HistoryQuestion> kQuestions = {
    {"aneurysmal_vascular_disease", "Aneurysmal vascular disease (aorta, intracranial or peripheral arteries)"},
    {"arteriovenous_malformation", "Arteriovenous malformation"},
    {"intracerebral_haemorrhage", "History of intracerebral haemorrhage"},
    {"ketamine_hypersensitivity", "Hypersensitivity to ketamine, esketamine or their excipients"},
    {"pregnant", "Pregnant"},
    {"breastfeeding", "Breastfeeding"},
    {"substance_use_disorder", "Substance use disorder, including alcohol"},
    {"ketamine_misuse", "Past misuse of ketamine"},
    {"psychosis_history", "Psychosis now or in the past"},
    {"mania_history", "Mania now or in the past"},
    {"uncontrolled_hypertension", "Uncontrolled high blood pressure"},
    {"unstable_cardiovascular_disease", "Unstable heart or vascular disease"},
    {"cerebrovascular_disease", "Cerebrovascular disease (e.g. stroke)"},
    {"hypertensive_encephalopathy", "History of hypertensive encephalopathy"},
    {"raised_intracranial_pressure", "Raised intracranial pressure"},
    {"raised_intraocular_pressure", "Raised intraocular pressure (e.g. glaucoma)"},
    {"moderate_hepatic_impairment", "Moderate liver impairment"},
    {"severe_hepatic_impairment", "Severe liver impairment"},
    {"cystitis", "Interstitial or ulcerative cystitis"},
    {"cognitive_impairment", "Cognitive impairment"},
    {"suicidal_ideation", "Current thoughts of suicide"},
    {"medication_intolerance", "Could not tolerate other medicines for this condition"},
};

const std::vector<DiagnosisChoice> kDiagnoses = {
    {"F32.0", "Major depressive disorder, single episode, mild"},
    {"F32.1", "Major depressive disorder, single episode, moderate"},
    {"F32.2", "Major depressive disorder, single episode, severe without psychotic features"},
    {"F32.9", "Major depressive disorder, single episode, unspecified"},
    {"F33.0", "Major depressive disorder, recurrent, mild"},
    {"F33.1", "Major depressive disorder, recurrent, moderate"},
    {"F33.2", "Major depressive disorder, recurrent, severe without psychotic features"},
    {"F33.9", "Major depressive disorder, recurrent, unspecified"},
    {"F31.30", "Bipolar disorder, current episode depressed, mild or moderate severity, unspecified"},
    {"F31.31", "Bipolar disorder, current episode depressed, mild"},
    {"F31.32", "Bipolar disorder, current episode depressed, moderate"},
    {"F31.4", "Bipolar disorder, current episode depressed, severe, without psychotic features"},
    {"F31.5", "Bipolar disorder, current episode depressed, severe, with psychotic features"},
    {"F43.10", "Post-traumatic stress disorder, unspecified"},
    {"F43.11", "Post-traumatic stress disorder, acute"},
    {"F43.12", "Post-traumatic stress disorder, chronic"},
    {"F41.1", "Generalized anxiety disorder"},
    {"F42.2", "Mixed obsessional thoughts and acts"},
    {"F42.9", "Obsessive-compulsive disorder, unspecified"},
    {"G90.50", "Complex regional pain syndrome I, unspecified"},
    {"G90.59", "Complex regional pain syndrome I of other specified site"},
    {"M79.7", "Fibromyalgia"},
};

std::string_view label_of(std::string_view code) {
  for (const auto& q : kQuestions)
    if (q.code == code) return q.label;
  return code;
}

Answer answer(const ScreeningFacts& f, std::string_view code) {
  auto it = f.history.find(std::string(code));
  return it == f.history.end() ? Answer::unknown : it->second;
}

std::string fact(std::string_view code, Answer a) {
  return std::string(label_of(code)) + ": " + std::string(to_string(a));
}

bool starts_with_any(const std::vector<std::string>& codes, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(codes.begin(), codes.end(), [&](const std::string& c) {
    return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return c.rfind(p, 0) == 0; });
  });
}

/// A contraindication: yes excludes; unknown needs asking; no passes silently.
void contraindication(const ScreeningFacts& f, std::vector<Finding>& out, std::string_view code,
                      std::string_view reason) {
  Answer a = answer(f, code);
  if (a == Answer::yes)
    out.push_back(
        {std::string(code), Outcome::exclude, std::string(reason), std::string(kSpravatoContra), {fact(code, a)}});
  if (a == Answer::unknown)
    out.push_back({std::string(code),
                   Outcome::needs_review,
                   "Not yet asked: " + std::string(label_of(code)) + " is a contraindication.",
                   std::string(kSpravatoContra),
                   {fact(code, a)},
                   true});
}

/// A warning: yes needs review with `reason`; unknown needs asking.
void warning(const ScreeningFacts& f, std::vector<Finding>& out, std::string_view code, std::string_view reason,
             std::string_view source = kSpravatoWarnings) {
  Answer a = answer(f, code);
  if (a == Answer::no) return;
  out.push_back({std::string(code),
                 Outcome::needs_review,
                 a == Answer::yes ? std::string(reason) : "Not yet asked: " + std::string(label_of(code)) + ".",
                 std::string(source),
                 {fact(code, a)},
                 a == Answer::unknown});
}

void age_rule(const ScreeningFacts& f, std::vector<Finding>& out) {
  if (!f.age_years) {
    out.push_back({"age",
                   Outcome::needs_review,
                   "Age unknown: record the date of birth.",
                   std::string(kSeeds),
                   {"Age: unknown"},
                   true});
  } else if (*f.age_years < 18) {
    out.push_back({"age",
                   Outcome::needs_review,
                   "Under 18: esketamine is not approved for this age; treatment needs a guardian's consent.",
                   std::string(kSeeds),
                   {"Age: " + std::to_string(*f.age_years)}});
  }
}

void medication_rule(const ScreeningFacts& f, std::vector<Finding>& out) {
  for (auto c : {MedicationClass::benzodiazepine, MedicationClass::z_drug, MedicationClass::opioid,
                 MedicationClass::psychostimulant, MedicationClass::maoi}) {
    if (std::find(f.current_medication_classes.begin(), f.current_medication_classes.end(), c) ==
        f.current_medication_classes.end())
      continue;
    const bool sedative =
        c == MedicationClass::benzodiazepine || c == MedicationClass::z_drug || c == MedicationClass::opioid;
    out.push_back({"interacting_medication_" + std::string(to_string(c)),
                   Outcome::needs_review,
                   sedative ? "Takes a central nervous system depressant: sedation may increase."
                            : "Takes a medicine that can raise blood pressure further.",
                   std::string(kSpravatoInteractions),
                   {"Current medication class: " + std::string(to_string(c))}});
  }
}

void indication_rules(const ScreeningFacts& f, std::vector<Finding>& out) {
  const auto& d = f.diagnosis_codes;
  bool any = false;
  if (starts_with_any(d, {"F32", "F33"})) {
    any = true;
    std::vector<std::string> used;
    int failed = 0;
    for (const auto& t : f.trials) {
      if (t.response != TrialResponse::none && t.response != TrialResponse::partial) continue;
      ++failed;
      used.push_back("Trial: " + t.drug + " " + t.dose + ", " + std::to_string(t.weeks) + " weeks, " +
                     std::string(to_string(t.response)));
    }
    if (failed >= kTreatmentResistanceTrials) {
      out.push_back({"treatment_resistant_depression", Outcome::supports,
                     "Treatment-resistant depression: " + std::to_string(failed) +
                         " documented antidepressant trials without full response.",
                     "Spravato prescribing information: indication and clinical studies", used});
    } else {
      used.push_back("Documented trials without full response: " + std::to_string(failed));
      out.push_back({"treatment_resistant_depression", Outcome::needs_review,
                     "Depression is diagnosed, but treatment resistance is not documented (" + std::to_string(failed) +
                         " of " + std::to_string(kTreatmentResistanceTrials) + " trials without full response).",
                     "Spravato prescribing information: indication and clinical studies", used});
    }
  }
  struct Indication {
    std::string_view rule;
    std::initializer_list<std::string_view> prefixes;
    std::string_view reason;
  };
  for (const auto& ind : {Indication{"bipolar_depression", {"F31.3", "F31.4", "F31.5"}, "Bipolar depression."},
                          Indication{"ptsd", {"F43.1"}, "Post-traumatic stress disorder."},
                          Indication{"generalized_anxiety", {"F41.1"}, "Generalized anxiety disorder."},
                          Indication{"ocd", {"F42"}, "Obsessive-compulsive disorder."},
                          Indication{"chronic_pain", {"G90.5", "M79.7"}, "Chronic pain (CRPS or fibromyalgia)."}}) {
    if (!starts_with_any(d, ind.prefixes)) continue;
    any = true;
    out.push_back({std::string(ind.rule), Outcome::supports, std::string(ind.reason), std::string(kSeeds), {}});
  }
  if (answer(f, "suicidal_ideation") == Answer::yes)
    out.push_back({"suicidal_ideation",
                   Outcome::supports,
                   "Severe symptoms with thoughts of suicide that need rapid relief: assess the risk today.",
                   std::string(kSeeds),
                   {fact("suicidal_ideation", Answer::yes)}});
  if (answer(f, "medication_intolerance") == Answer::yes)
    out.push_back({"medication_intolerance",
                   Outcome::supports,
                   "Could not tolerate other medicines.",
                   std::string(kSeeds),
                   {fact("medication_intolerance", Answer::yes)}});
  if (!any)
    out.push_back({"indication",
                   Outcome::needs_review,
                   "No diagnosis among the indications is recorded.",
                   std::string(kSeeds),
                   {"Diagnoses: " + std::to_string(d.size())}});
}

}  // namespace

std::string_view to_string(Answer a) {
  switch (a) {
    case Answer::yes:
      return "yes";
    case Answer::no:
      return "no";
    case Answer::unknown:
      return "unknown";
  }
  return "unknown";
}

std::optional<Answer> parse_answer(std::string_view t) {
  for (auto a : {Answer::unknown, Answer::yes, Answer::no})
    if (to_string(a) == t) return a;
  return std::nullopt;
}

const std::vector<HistoryQuestion>& history_questions() { return kQuestions; }

bool is_history_question(std::string_view code) {
  return std::any_of(kQuestions.begin(), kQuestions.end(), [&](const auto& q) { return q.code == code; });
}

std::string_view to_string(MedicationClass c) {
  switch (c) {
    case MedicationClass::none:
      return "none";
    case MedicationClass::benzodiazepine:
      return "benzodiazepine";
    case MedicationClass::z_drug:
      return "non_benzodiazepine_sedative_hypnotic";
    case MedicationClass::psychostimulant:
      return "psychostimulant";
    case MedicationClass::maoi:
      return "maoi";
    case MedicationClass::opioid:
      return "opioid";
  }
  return "none";
}

std::optional<MedicationClass> parse_medication_class(std::string_view t) {
  for (auto c : {MedicationClass::none, MedicationClass::benzodiazepine, MedicationClass::z_drug,
                 MedicationClass::psychostimulant, MedicationClass::maoi, MedicationClass::opioid})
    if (to_string(c) == t) return c;
  return std::nullopt;
}

const std::vector<DiagnosisChoice>& diagnosis_choices() { return kDiagnoses; }

bool is_diagnosis_choice(std::string_view code) {
  return std::any_of(kDiagnoses.begin(), kDiagnoses.end(), [&](const auto& d) { return d.code == code; });
}

std::string_view to_string(TrialResponse r) {
  switch (r) {
    case TrialResponse::none:
      return "none";
    case TrialResponse::partial:
      return "partial";
    case TrialResponse::full:
      return "full";
    case TrialResponse::not_tolerated:
      return "not_tolerated";
  }
  return "none";
}

std::optional<TrialResponse> parse_trial_response(std::string_view t) {
  for (auto r : {TrialResponse::none, TrialResponse::partial, TrialResponse::full, TrialResponse::not_tolerated})
    if (to_string(r) == t) return r;
  return std::nullopt;
}

std::string_view to_string(Outcome o) {
  switch (o) {
    case Outcome::exclude:
      return "exclude";
    case Outcome::needs_review:
      return "needs_review";
    case Outcome::supports:
      return "supports";
  }
  return "needs_review";
}

std::vector<Finding> screen(const ScreeningFacts& f) {
  std::vector<Finding> out;
  contraindication(f, out, "aneurysmal_vascular_disease",
                   "Aneurysmal vascular disease: a rise in blood pressure could rupture it.");
  contraindication(f, out, "arteriovenous_malformation", "Arteriovenous malformation.");
  contraindication(f, out, "intracerebral_haemorrhage", "History of intracerebral haemorrhage.");
  contraindication(f, out, "ketamine_hypersensitivity", "Hypersensitivity to ketamine or esketamine.");
  age_rule(f, out);
  warning(f, out, "pregnant", "Pregnant: avoid; discuss the risks to the fetus.");
  warning(f, out, "breastfeeding", "Breastfeeding: avoid.");
  warning(f, out, "substance_use_disorder", "Substance use disorder: risk of misuse.");
  warning(f, out, "ketamine_misuse", "Past ketamine misuse: risk of misuse.");
  warning(f, out, "psychosis_history", "Psychosis: ketamine can bring it back.");
  warning(f, out, "mania_history", "Mania: ketamine can trigger it.");
  warning(f, out, "uncontrolled_hypertension", "Uncontrolled high blood pressure: treat it first.");
  warning(f, out, "unstable_cardiovascular_disease", "Unstable heart or vascular disease.");
  warning(f, out, "cerebrovascular_disease", "Cerebrovascular disease.");
  warning(f, out, "hypertensive_encephalopathy", "History of hypertensive encephalopathy.");
  warning(f, out, "raised_intracranial_pressure", "Raised intracranial pressure.");
  warning(f, out, "raised_intraocular_pressure", "Raised intraocular pressure.");
  warning(f, out, "moderate_hepatic_impairment", "Moderate liver impairment: monitor for longer.");
  warning(f, out, "severe_hepatic_impairment", "Severe liver impairment: not recommended.");
  warning(f, out, "cystitis", "Interstitial or ulcerative cystitis: ketamine can harm the bladder.", kSeeds);
  warning(f, out, "cognitive_impairment", "Cognitive impairment.", kSeeds);
  medication_rule(f, out);
  indication_rules(f, out);
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return static_cast<int>(a.outcome) < static_cast<int>(b.outcome);
  });
  return out;
}

std::string_view to_string(Decision d) {
  switch (d) {
    case Decision::eligible:
      return "eligible";
    case Decision::eligible_with_conditions:
      return "eligible_with_conditions";
    case Decision::not_eligible:
      return "not_eligible";
  }
  return "not_eligible";
}

std::optional<Decision> parse_decision(std::string_view t) {
  for (auto d : {Decision::eligible, Decision::eligible_with_conditions, Decision::not_eligible})
    if (to_string(d) == t) return d;
  return std::nullopt;
}

namespace {

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace

std::string snapshot_json(const ScreeningFacts& f, const std::vector<Finding>& findings,
                          std::string_view rule_version) {
  std::string out = "{\"rule_version\":" + quoted(rule_version) + ",\"facts\":{\"age_years\":";
  out += f.age_years ? std::to_string(*f.age_years) : "null";
  out += ",\"history\":{";
  bool first = true;
  for (const auto& [code, a] : f.history) {
    out += (first ? "" : ",") + quoted(code) + ":" + quoted(to_string(a));
    first = false;
  }
  out += "},\"medication_classes\":[";
  for (std::size_t i = 0; i < f.current_medication_classes.size(); ++i)
    out += (i ? "," : "") + quoted(to_string(f.current_medication_classes[i]));
  out += "],\"diagnoses\":[";
  for (std::size_t i = 0; i < f.diagnosis_codes.size(); ++i) out += (i ? "," : "") + quoted(f.diagnosis_codes[i]);
  out += "],\"trials\":[";
  for (std::size_t i = 0; i < f.trials.size(); ++i) {
    const auto& t = f.trials[i];
    out += std::string(i ? "," : "") + "{\"drug\":" + quoted(t.drug) + ",\"dose\":" + quoted(t.dose) +
           ",\"weeks\":" + std::to_string(t.weeks) + ",\"response\":" + quoted(to_string(t.response)) + "}";
  }
  out += "]},\"findings\":[";
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& x = findings[i];
    out += std::string(i ? "," : "") + "{\"rule\":" + quoted(x.rule) + ",\"outcome\":" + quoted(to_string(x.outcome)) +
           ",\"reason\":" + quoted(x.reason) + "}";
  }
  return out + "]}";
}

bool findings_differ(const std::vector<Finding>& before, const std::vector<Finding>& after) {
  auto key = [](const std::vector<Finding>& fs) {
    std::vector<std::pair<std::string, int>> k;
    for (const auto& f : fs) k.emplace_back(f.rule, static_cast<int>(f.outcome));
    std::sort(k.begin(), k.end());
    return k;
  };
  return key(before) != key(after);
}

bool needs_override(Decision decision, const std::vector<Finding>& findings) {
  if (decision == Decision::not_eligible) return false;
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.outcome == Outcome::exclude; });
}

}  // namespace kc
