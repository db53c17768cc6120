// The address of a patient's questionnaire link: /q/{clinic_id}/{token}. The page
// needs no sign-in, so Root renders it instead of the staff app.

export interface QuestionnaireLink {
  clinicId: string;
  token: string;
}

const QUESTIONNAIRE_PATH = /^\/q\/([^/]+)\/([^/]+)\/?$/;

/** The clinic id and token when `path` is a questionnaire link; otherwise undefined. */
export function questionnaireLink(path: string): QuestionnaireLink | undefined {
  const match = QUESTIONNAIRE_PATH.exec(path);
  if (!match?.[1] || !match[2]) return undefined;
  try {
    return { clinicId: decodeURIComponent(match[1]), token: decodeURIComponent(match[2]) };
  } catch {
    return undefined; // malformed escapes: not a page we can show
  }
}

/** The path of a questionnaire link. */
export function questionnairePath(clinicId: string, token: string): string {
  return `/q/${encodeURIComponent(clinicId)}/${encodeURIComponent(token)}`;
}
