// "Register as patient" (admin, front desk): turns the person behind an enquiry into a
// patient, with their names, phone and e-mail; only the date of birth is asked for.
// Once registered, the enquiry links to the patient's chart instead.
import { useState } from 'preact/hooks';
import type { Enquiry } from '../api';
import { patientChartPath } from '../navigation';
import { Link } from '../router';
import { TextField } from '../ui/TextField';
import { errorFor, formError, problemFrom, type FormProblem } from '../ui/form_problem';
import { todayLocal } from '../ui/format';

interface RegisterPatientProps {
  enquiry: Pick<Enquiry, 'patient_id' | 'given_name' | 'family_name'>;
  /** Offer the form while the enquiry has no patient (admin, front desk). */
  canRegister: boolean;
  /** Just registered here: say so next to the link. */
  justRegistered: boolean;
  /** The server's message when someone else registered the person first (409). */
  registeredElsewhere?: string;
  /** Registers the person; throws ApiError (400 on field date_of_birth, 409 already_registered). */
  onRegister: (dateOfBirth: string) => Promise<void>;
}

export function RegisterPatient({ enquiry, canRegister, justRegistered, registeredElsewhere = '', onRegister }: RegisterPatientProps) {
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const name = `${enquiry.given_name} ${enquiry.family_name}`;

  if (enquiry.patient_id) {
    const link = <Link href={patientChartPath(enquiry.patient_id)}>Open the chart of {name}</Link>;
    return (
      <section class="enquiry-patient" aria-labelledby="enquiry-patient-heading">
        <h3 id="enquiry-patient-heading">Patient</h3>
        {justRegistered ? (
          <p role="status">
            Registered as a patient. {link}
          </p>
        ) : registeredElsewhere ? (
          <p role="status">
            {registeredElsewhere} {link}
          </p>
        ) : (
          <p>{link}</p>
        )}
      </section>
    );
  }
  if (!canRegister) return null;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!dateOfBirth) return setProblem({ field: 'date_of_birth', message: 'Enter the date of birth.' });
    setPending(true);
    setProblem(null);
    try {
      await onRegister(dateOfBirth);
    } catch (e) {
      setProblem(problemFrom(e));
    } finally {
      setPending(false);
    }
  };

  const generalError = formError(problem, ['date_of_birth']);
  return (
    <form class="enquiry-patient" onSubmit={onSubmit} noValidate aria-labelledby="register-patient-heading">
      <h3 id="register-patient-heading">Register as patient</h3>
      <TextField
        label="Date of birth"
        name="date_of_birth"
        type="date"
        value={dateOfBirth}
        onValue={(value) => {
          setDateOfBirth(value);
          if (problem?.field === 'date_of_birth') setProblem(null);
        }}
        error={errorFor(problem, 'date_of_birth')}
        hint={`Names, phone and e-mail are copied from the enquiry to ${name}'s chart.`}
        max={todayLocal()}
        required
      />
      {generalError && (
        <p class="form-error" role="alert">
          {generalError}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? 'Registering…' : 'Register as patient'}
      </button>
    </form>
  );
}
