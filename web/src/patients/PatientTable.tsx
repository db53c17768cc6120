// Patients found: name (family name first, opens the chart) and date of birth (YYYY-MM-DD).
import type { Patient } from '../api';
import { patientChartPath } from '../navigation';
import { Link } from '../router';
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
              <th scope="row">
                <Link href={patientChartPath(patient.id)}>{patientName(patient)}</Link>
              </th>
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
