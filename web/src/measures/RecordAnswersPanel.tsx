// "Record answers": staff pick an instrument from the catalogue and enter the
// patient's answers (or continue a draft, or amend a submitted response opened
// from the responses list). After a submission the result stays here.
import { useEffect, useState } from 'preact/hooks';
import type { Instrument, MeasureResponse, NewMeasureResponse, RecordedMeasureResponse } from '../api';
import { SelectField } from '../ui/SelectField';
import { AnswersForm, answersEntry, type AnswersEntry } from './AnswersForm';
import { draftToContinue, instrumentName } from './measures_rules';
import { RecordResult } from './RecordResult';

interface RecordAnswersPanelProps {
  catalogue: readonly Instrument[];
  responses: readonly MeasureResponse[];
  /** The form on screen; null: none (only the questionnaire choice). */
  entry: AnswersEntry | null;
  onEntry: (entry: AnswersEntry | null) => void;
  /** Sends a response; the tab reads the measures again afterwards. */
  onRecord: (response: NewMeasureResponse) => Promise<RecordedMeasureResponse>;
}

/** A catalogue entry's name in the choice list: its title, which names it ("Patient Health Questionnaire (PHQ-9)"). */
const choiceLabel = (i: Instrument) => (i.title.includes(i.name) ? i.title : `${i.name}: ${i.title}`);

export function RecordAnswersPanel({ catalogue, responses, entry, onEntry, onRecord }: RecordAnswersPanelProps) {
  const [result, setResult] = useState<RecordedMeasureResponse | null>(null);
  const choose = (code: string) => {
    const instrument = catalogue.find((i) => i.code === code);
    onEntry(instrument ? answersEntry({ instrument, continues: draftToContinue(responses, code) }) : null);
  };
  const serial = entry?.serial;
  useEffect(() => {
    if (serial !== undefined) setResult(null); // a new entry: the last result is history now
  }, [serial]);
  const save = async (response: NewMeasureResponse) => {
    const recorded = await onRecord(response);
    if (response.submit) {
      onEntry(null);
      setResult(recorded);
    }
    return recorded;
  };

  return (
    <section class="panel record-answers" aria-labelledby="record-answers-heading">
      <h2 id="record-answers-heading">Record answers</h2>
      {!entry?.amends && (
        <SelectField
          label="Questionnaire"
          name="instrument"
          hint="Enter a questionnaire on the patient’s behalf."
          value={entry?.instrument.code ?? ''}
          onValue={choose}
          placeholder="Choose a questionnaire"
          choices={catalogue.map((i) => ({ value: i.code, label: choiceLabel(i) }))}
        />
      )}
      {result && <RecordResult result={result} instrumentName={instrumentName(catalogue, result.response.instrument)} />}
      {/* A new form for every entry, so answers typed for one never leak into another. */}
      {entry && <AnswersForm key={entry.serial} entry={entry} onSave={save} onCancel={() => onEntry(null)} />}
    </section>
  );
}
