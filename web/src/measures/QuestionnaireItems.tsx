// Every item of one instrument on one page: a row of radio buttons for an item
// with labelled answers, a number box for a free whole number (a clinician's
// total). Each control is named after the server's field, "answers.{item}".
import type { Instrument } from '../api';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { TextField } from '../ui/TextField';
import { answerField, type AnswerDraft } from './answers_form';

interface QuestionnaireItemsProps {
  instrument: Instrument;
  draft: AnswerDraft;
  onAnswer: (itemCode: string, value: string) => void;
  errorFor: (field: string) => string | undefined;
}

export function QuestionnaireItems({ instrument, draft, onAnswer, errorFor }: QuestionnaireItemsProps) {
  const numbered = instrument.items.length > 1;
  return (
    <ol class="questionnaire-items">
      {instrument.items.map((item, index) => {
        const label = numbered ? `${index + 1}. ${item.text}` : item.text;
        const field = answerField(item.code);
        const value = draft[item.code] ?? '';
        return (
          <li key={item.code}>
            {item.options.length > 0 ? (
              <ChoiceGroup
                legend={label}
                name={field}
                type="radio"
                inline
                choices={item.options.map((o) => ({ value: String(o.value), label: o.label }))}
                selected={value === '' ? [] : [value]}
                onSelected={(values) => onAnswer(item.code, values[0] ?? '')}
                error={errorFor(field)}
              />
            ) : (
              <TextField
                label={label}
                name={field}
                type="number"
                min={String(item.min)}
                max={String(item.max)}
                step="1"
                hint={`A whole number from ${item.min} to ${item.max}.`}
                value={value}
                onValue={(v) => onAnswer(item.code, v)}
                error={errorFor(field)}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}
