// The API's informed-consent types (docs/api.md, "Informed consent"), re-exported
// by api_types.ts.

/** A route code, or "research" (research use of the patient's data). */
export type ConsentKind = 'iv' | 'im' | 'sc' | 'intranasal_esketamine' | 'sublingual' | 'oral' | 'research';
export type ConsentRoute = Exclude<ConsentKind, 'research'>;
export type ConsentDocumentStatus = 'draft' | 'published' | 'retired';

/** A consent document (one version of one kind), as lists show it. */
export interface ConsentDocumentSummary {
  id: string;
  kind: ConsentKind;
  kind_label: string;
  /** "2.1" */
  version: string;
  major: number;
  minor: number;
  title: string;
  status: ConsentDocumentStatus;
  content_sha256: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  published_by: string | null;
  published_at: string | null;
}

/** With its Markdown and its section headings (the "## " headings, in order). */
export interface ConsentDocument extends ConsentDocumentSummary {
  body_markdown: string;
  sections: string[];
}

export interface ConsentLibrary {
  items: ConsentDocumentSummary[];
  kinds: { kind: ConsentKind; label: string }[];
}

export interface NewConsentDraft {
  kind: ConsentKind;
  title: string;
  body_markdown: string;
  /** Of the latest published version of the kind; ignored for the first one (1.0). */
  revision: 'minor' | 'major';
}

export interface ConsentSignature {
  document_id: string;
  typed_name: string;
  acknowledged_sections: string[];
  guardian_name?: string;
  guardian_relationship?: string;
}

export interface ConsentEvent {
  at: string;
  by: string;
}

export interface PatientConsent {
  id: string;
  patient_id: string;
  document_id: string;
  kind: ConsentKind;
  kind_label: string;
  version: string;
  title: string;
  content_sha256: string;
  typed_name: string;
  acknowledged_sections: string[];
  signed_at: string;
  client_address: string;
  /** The staff member whose session the tablet ran on. */
  handed_over_by: string;
  guardian: { name: string; relationship: string; signed_at: string } | null;
  countersignature: ConsentEvent | null;
  withdrawal: (ConsentEvent & { reason: string }) | null;
  version_acceptance: (ConsentEvent & { reason: string }) | null;
}

/** The signed record: exactly the text that was signed, and whose consent it is. */
export interface ConsentRecord extends PatientConsent {
  body_markdown: string;
  patient: { id: string; given_name: string; family_name: string; date_of_birth: string };
}

export type ConsentCode =
  | 'consent_missing'
  | 'consent_not_countersigned'
  | 'consent_guardian_missing'
  | 'consent_withdrawn'
  | 'consent_outdated';

export interface ConsentStatus {
  route: ConsentRoute;
  valid: boolean;
  code: ConsentCode | null;
  message: string;
  consent_id: string | null;
  version: string | null;
}

export interface PatientConsents {
  consents: PatientConsent[];
  status: ConsentStatus[];
  /** The documents that may be signed now (the published version of each kind). */
  documents: ConsentDocumentSummary[];
  /** Under 18 today: a guardian signs too. */
  minor: boolean;
  recorded_guardian: { name: string; relationship: string } | null;
}
