import { describe, expect, it } from 'vitest';
import { EMPTY_SIGNING_FORM, signatureOf, stillToDo, toggleSection } from './consent_signing';

const SECTIONS = ['Nature', 'Risks', 'Benefits', 'Alternatives'];

describe('signing rules', () => {
  it('asks for every section, the name, and a guardian for a minor', () => {
    expect(stillToDo(EMPTY_SIGNING_FORM, SECTIONS, false)).toEqual(['Tick the boxes under 4 sections.', 'Type your full name.']);
    let form = SECTIONS.slice(0, 3).reduce((f, s) => toggleSection(f, s, true), EMPTY_SIGNING_FORM);
    expect(stillToDo(form, SECTIONS, false)[0]).toBe('Tick the box under "Alternatives".');
    form = toggleSection({ ...form, typedName: 'Ana Silva' }, 'Alternatives', true);
    expect(stillToDo(form, SECTIONS, false)).toEqual([]);
    expect(stillToDo(form, SECTIONS, true)).toHaveLength(2);
    expect(stillToDo({ ...form, guardianName: 'Jo', guardianRelationship: 'Mother' }, SECTIONS, true)).toEqual([]);
    expect(stillToDo(toggleSection(form, 'Risks', false), SECTIONS, false)).toEqual(['Tick the box under "Risks".']);
  });

  it('sends sections in the document order and the guardian only for a minor', () => {
    const form = { ...['Alternatives', 'Nature'].reduce((f, s) => toggleSection(f, s, true), EMPTY_SIGNING_FORM), typedName: 'Tom', guardianName: 'Jo', guardianRelationship: 'Mother' };
    expect(signatureOf('d1', form, SECTIONS, false)).toEqual({ document_id: 'd1', typed_name: 'Tom', acknowledged_sections: ['Nature', 'Alternatives'] });
    expect(signatureOf('d1', form, SECTIONS, true)).toMatchObject({ guardian_name: 'Jo', guardian_relationship: 'Mother' });
  });
});
