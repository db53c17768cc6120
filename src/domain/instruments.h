// Measurement instruments: their items, answer options, scoring, severity bands with
// their sources, and LOINC codes (../shared/clinical/reference.md §6).
//
// Every instrument is a list of items. A questionnaire whose text may be reproduced
// (PHQ-9, GAD-7, PCL-5, BPRS, and our own pain, urinary and dissociation items)
// carries its item text and labelled options. An instrument whose text we may not
// embed (MADRS, C-SSRS, CADSS, QIDS-SR16) has clinician-entered result items only:
// a total in its range, or for the C-SSRS the screener result and risk level.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace kc {

struct AnswerOption {
  int value = 0;
  std::string_view label;
};

struct InstrumentItem {
  std::string_view code;  // stable: "phq9_1" … ; "total" for a clinician-entered total
  std::string_view text;  // the question as shown; for a total, a label ("MADRS total")
  /// Labelled options; when empty, any whole number from min_value to max_value.
  std::span<const AnswerOption> options;
  int min_value = 0;
  int max_value = 0;
};

/// A severity band: applies when the total is at least `min_total` (bands ascend).
struct SeverityBand {
  int min_total = 0;
  std::string_view label;
};

enum class Completion {
  patient,    // the patient may complete it from a link; staff may enter it for them
  clinician,  // entered by staff only (clinician-rated, or a licensed instrument's result)
};

struct Instrument {
  std::string_view code;          // "phq9", "gad7", "pcl5", "bprs", "madrs", "cssrs", "cadss", "qids_sr16",
                                  // "pain_nrs", "urinary", "dissociation"
  std::string_view name;          // "PHQ-9"
  std::string_view title;         // "Patient Health Questionnaire (PHQ-9)"
  std::string_view instructions;  // shown above the items; empty for clinician totals
  Completion completion = Completion::patient;
  bool total_only = false;  // a licensed instrument: only its clinician-entered result is stored
  std::span<const InstrumentItem> items;
  int min_total = 0, max_total = 0;
  std::span<const SeverityBand> bands;  // may be empty: no published bands
  std::string_view bands_source;        // citation, or why there are none
  /// Response: a fall of at least 50 % from baseline (reference §6), where it applies.
  bool response_applies = false;
  /// Remission when the total is at most this; none where no threshold is published.
  std::optional<int> remission_at_most;
  std::string_view remission_source;
  /// A fall of at least this many points is a meaningful change (PCL-5: 10), where published.
  std::optional<int> meaningful_change_points;
  std::string_view loinc_panel, loinc_total;  // empty where none exists or none is verified
  std::string_view copyright_note;            // why the text is or is not shown
};

/// Every instrument, in display order.
std::span<const Instrument> instruments();
const Instrument* find_instrument(std::string_view code);

/// Checks one answer: the item exists in `instrument` and `value` is one of its
/// options (or in its range). The error's field is "answers.<item code>".
Result<bool> check_answer(const Instrument& instrument, std::string_view item_code, int value);

/// Checks a partial set of answers (each as check_answer).
Result<bool> check_answers(const Instrument& instrument, const std::map<std::string, int>& answers);

struct Score {
  int total = 0;
  std::string band;  // empty when the instrument has no bands
};

/// Scores a complete set of answers. A missing item is an error naming it
/// ("answers.phq9_4"); an unknown item or an out-of-range value likewise.
/// The total is the sum of item values, except where the instrument says otherwise
/// (C-SSRS: the total is the risk level 0–3; urinary: the number of "yes" answers).
Result<Score> score(const Instrument& instrument, const std::map<std::string, int>& answers);

/// The band label for a total ("" when no band applies or none are defined).
std::string band_for(const Instrument& instrument, int total);

}  // namespace kc
