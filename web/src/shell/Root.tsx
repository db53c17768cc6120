// What the address asks for: the public consultation request page, which needs no
// session (so it never calls /auth/me nor sends anyone to sign in), or else the
// staff app.
import type { ApiClient } from '../api';
import { publicRequestClinicId } from '../navigation';
import { ConsultationRequestPage } from '../request/ConsultationRequestPage';
import { App } from './App';

export function Root({ api, path }: { api: ApiClient; path: string }) {
  const clinicId = publicRequestClinicId(path);
  return clinicId === undefined ? <App api={api} /> : <ConsultationRequestPage api={api} clinicId={clinicId} />;
}
