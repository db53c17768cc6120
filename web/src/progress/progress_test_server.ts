// For the Progress, letter and settings tests: the chart's fake server with the
// outcomes routes added, keeping one patient's progress and the clinic's outcome
// settings. Not a test file.
import type { OutcomeSettings, PatientProgress } from '../api';
import { OUTCOME_SETTINGS, PROGRESS } from './progress_fixtures';
import { fakeServer as chartServer } from '../chart/chart_test_server';
import { CATALOGUE } from '../measures/measures_fixtures';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const invalid = (field: string, message: string) => json(400, { error: { code: 'validation_failed', message, field } });

/** The chart's fake server with the outcomes routes; `extra` answers any others first. */
export function progressServer(progress: PatientProgress = PROGRESS, extra?: (url: string, post: boolean, body: Record<string, unknown>) => Response | undefined) {
  let current = progress;
  let settings = OUTCOME_SETTINGS;
  const patient = '/api/v1/patients/pat_1';
  return chartServer({
    extraRoute: (url, post, body) => {
      const answer = extra?.(url, post, body);
      if (answer) return answer;
      if (url === '/api/v1/instruments') return json(200, { instruments: CATALOGUE });
      if (url === `${patient}/progress`) return json(200, current);
      if (url === `${patient}/follow-up`) {
        if (body.interval_days === 99) return invalid('interval_days', 'The server refuses 99 days.');
        current = { ...current, follow_up: { plan: { start: body.start as string, interval_days: body.interval_days as number, instruments: body.instruments as string[] }, due: [{ instrument: 'phq9', due_on: body.start as string, overdue: false, missed: 0 }] } };
        return json(200, current);
      }
      if (url === `${patient}/follow-up/end`) {
        current = { ...current, follow_up: { plan: null, due: [] } };
        return json(200, current);
      }
      if (url === `${patient}/check-ins`) {
        const checkIn = { id: `chk_${current.check_ins.length + 1}`, at: '2026-11-21T10:00:00.000Z', mme_per_day: (body.mme_per_day as number | undefined) ?? null, memory_attention: body.memory_attention as boolean, note: body.note as string, by: 'nurse@demo.test' };
        current = { ...current, check_ins: [checkIn, ...current.check_ins] };
        return json(201, checkIn);
      }
      if (url === '/api/v1/outcome-settings' && post) {
        if (body.induction_days === 179) return invalid('induction_days', 'The server refuses 179 days.');
        settings = { ...settings, ...(body as Partial<OutcomeSettings>), version: settings.version + 1, updated_at: '2026-11-21T12:00:00.000Z', updated_by: 'admin@demo.test' };
        return json(200, settings);
      }
      if (url === '/api/v1/outcome-settings') return json(200, settings);
      return undefined;
    },
  });
}
