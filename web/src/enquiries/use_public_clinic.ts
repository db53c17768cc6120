// The clinic's condition list and contact methods, read from its public page data
// (GET /public/clinics/{id}), so staff see the same labels visitors chose from.
import { useEffect, useState } from 'preact/hooks';
import { CONTACT_METHODS, type ApiClient, type PublicClinic } from '../api';

export function usePublicClinic(api: ApiClient, clinicId: string): PublicClinic {
  const [clinic, setClinic] = useState<PublicClinic>({ id: clinicId, name: '', conditions: [], contact_methods: [...CONTACT_METHODS] });
  useEffect(() => {
    let current = true;
    api.getPublicClinic(clinicId).then(
      (loaded) => current && setClinic(loaded),
      // Without it, condition codes show as they are; the queue itself still works.
      (error: unknown) => console.error('Could not load the clinic’s condition list', error),
    );
    return () => {
      current = false;
    };
  }, [api, clinicId]);
  return clinic;
}
