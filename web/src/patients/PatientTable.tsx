// Patients found: name (family name first) and date of birth (YYYY-MM-DD).
import type { Patient } from '../api';
import { patientName } from '../ui/format';

export function PatientTable({ patients }: { patients: Patient[] }) {
  if (patients.length === 0) return null;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Date of birth</th>
          </tr>
        </thead>
        <tbody>
          {patients.map((patient) => (
            <tr key={patient.id}>
              <td>{patientName(patient)}</td>
              <td>
                <time dateTime={patient.date_of_birth}>{patient.date_of_birth}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
