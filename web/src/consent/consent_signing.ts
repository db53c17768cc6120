// The rules of the tablet signing screen, apart from its rendering: what must be
// done before "Sign" is offered, and the signature sent to the server.
import type { ConsentSignature } from '../api';

export interface SigningForm {
  acknowledged: readonly string[];
  typedName: string;
  guardianName: string;
  guardianRelationship: string;
}

export const EMPTY_SIGNING_FORM: SigningForm = { acknowledged: [], typedName: '', guardianName: '', guardianRelationship: '' };

/** Toggles one section's acknowledgement. */
export function toggleSection(form: SigningForm, heading: string, checked: boolean): SigningForm {
  const others = form.acknowledged.filter((h) => h !== heading);
  return { ...form, acknowledged: checked ? [...others, heading] : others };
}

/** What is still to do before signing, in the order the screen shows it; empty when ready. */
export function stillToDo(form: SigningForm, sections: readonly string[], minor: boolean): string[] {
  const todo: string[] = [];
  const left = sections.filter((s) => !form.acknowledged.includes(s));
  if (left.length === 1) todo.push(`Tick the box under "${left[0]}".`);
  else if (left.length > 1) todo.push(`Tick the boxes under ${left.length} sections.`);
  if (!form.typedName.trim()) todo.push('Type your full name.');
  if (minor && !form.guardianName.trim()) todo.push("Your guardian types their full name.");
  if (minor && !form.guardianRelationship.trim()) todo.push('Your guardian gives their relationship to you.');
  return todo;
}

/** The signature as the server takes it; sections in the document's order. */
export function signatureOf(documentId: string, form: SigningForm, sections: readonly string[], minor: boolean): ConsentSignature {
  const signature: ConsentSignature = {
    document_id: documentId,
    typed_name: form.typedName,
    acknowledged_sections: sections.filter((s) => form.acknowledged.includes(s)),
  };
  if (minor) {
    signature.guardian_name = form.guardianName;
    signature.guardian_relationship = form.guardianRelationship;
  }
  return signature;
}
