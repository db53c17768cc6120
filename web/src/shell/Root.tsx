// What the address asks for: one of the public pages, which need no session (so
// they never call /auth/me nor send anyone to sign in), or else the staff app.
// The public pages are the consultation request page (/request/{clinic_id}) and a
// patient's questionnaire link (/q/{clinic_id}/{token}).
import type { ApiClient } from '../api';
import { publicRequestClinicId } from '../navigation';
import { QuestionnairePage } from '../questionnaire/QuestionnairePage';
import { questionnaireLink } from '../questionnaire/questionnaire_path';
import { ConsultationRequestPage } from '../request/ConsultationRequestPage';
import { App } from './App';

export function Root({ api, path }: { api: ApiClient; path: string }) {
  const link = questionnaireLink(path);
  if (link) return <QuestionnairePage api={api} clinicId={link.clinicId} token={link.token} />;
  const clinicId = publicRequestClinicId(path);
  return clinicId === undefined ? <App api={api} /> : <ConsultationRequestPage api={api} clinicId={clinicId} />;
}
