// Patients (every role): find a patient by name; most roles may also add one.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiClient, NewPatient } from '../api';
import { ListStatus } from '../ui/ListStatus';
import { TextField } from '../ui/TextField';
import { patientName } from '../ui/format';
import { usePagedList } from '../ui/use_paged_list';
import { AddPatientForm } from './AddPatientForm';
import { PatientTable } from './PatientTable';

/** Wait this long after the last keystroke before searching. */
const SEARCH_DELAY_MS = 250;

interface PatientsPageProps {
  api: ApiClient;
  /** Offer "Add patient" (the server refuses it to a therapist alone). */
  canRegister: boolean;
}

export function PatientsPage({ api, canRegister }: PatientsPageProps) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const fetchPage = useCallback((cursor?: string) => api.listPatients(query, cursor), [api, query]);
  const patients = usePagedList(fetchPage);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const addPatient = async (patient: NewPatient) => {
    const created = await api.createPatient(patient);
    setStatus(`Added ${patientName(created)}.`);
    patients.reload();
  };

  return (
    <div class="page">
      <h1>Patients</h1>
      <p role="status" class="notice-line">
        {status}
      </p>
      <div class="page-columns">
        <section class="panel wide" aria-labelledby="patients-heading">
          <h2 id="patients-heading">Find a patient</h2>
          <form role="search" onSubmit={(e) => e.preventDefault()}>
            <TextField label="Search patients" name="q" type="search" value={search} onValue={setSearch} hint="The start of a name or phone number, or a date of birth as YYYY-MM-DD." autoComplete="off" />
          </form>
          <PatientTable patients={patients.items} />
          <ListStatus list={patients} emptyText={query ? 'No patient matches this name.' : 'No patients yet.'} />
        </section>
        {canRegister && <AddPatientForm onAdd={addPatient} />}
      </div>
    </div>
  );
}
