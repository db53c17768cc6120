import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, type Fetch } from '../api';
import { PRESCRIBER, riskTask, SETTINGS } from './measures_fixtures';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function clientAnswering(...responses: Response[]) {
  const fetchFn = vi.fn<Fetch>(() => Promise.resolve(responses.shift() ?? json(500, {})));
  const request = (i: number) => {
    const [url = '', init = {}] = fetchFn.mock.calls[i] ?? [];
    return { url, method: init.method, body: init.body === undefined ? undefined : (JSON.parse(init.body as string) as unknown) };
  };
  return { client: new ApiClient(fetchFn), request };
}

describe('ApiClient measurement-based care (staff)', () => {
  it('unwraps the catalogue, the clinicians, the due list and the tasks', async () => {
    const { client, request } = clientAnswering(
      json(200, { instruments: [{ code: 'phq9' }] }),
      json(200, { clinicians: [PRESCRIBER] }),
      json(200, { items: [{ instrument: 'phq9' }] }),
      json(200, { tasks: [riskTask()] }),
      json(200, { tasks: [] }),
    );
    await expect(client.listInstruments()).resolves.toEqual([{ code: 'phq9' }]);
    await expect(client.listClinicians()).resolves.toEqual([PRESCRIBER]);
    await expect(client.listDueQuestionnaires()).resolves.toEqual([{ instrument: 'phq9' }]);
    await expect(client.listTasks()).resolves.toEqual([riskTask()]);
    await client.listTasks('all');
    expect([0, 1, 2, 3, 4].map((i) => `${request(i).method} ${request(i).url}`)).toEqual([
      'GET /api/v1/instruments', 'GET /api/v1/clinicians', 'GET /api/v1/measures/due', 'GET /api/v1/tasks?state=open', 'GET /api/v1/tasks?state=all',
    ]);
  });

  it('sends a patient’s responses, links, schedule and responsible clinician to the patient’s routes', async () => {
    const { client, request } = clientAnswering(json(200, {}), json(201, {}), json(201, {}), json(200, {}), json(200, { responsible_clinician: null }));
    await client.getPatientMeasures('pat 1');
    await client.recordMeasureResponse('pat 1', { instrument: 'phq9', answers: { phq9_1: 2 }, submit: false });
    await client.createQuestionnaireLink('pat 1', ['phq9', 'gad7']);
    await client.replaceSchedule('pat 1', [{ instrument: 'phq9', rule: 'weekly', start: '2026-11-21', end: null, interval_days: 0 }]);
    await expect(client.setResponsibleClinician('pat 1', null)).resolves.toBeNull();
    expect(request(0)).toMatchObject({ method: 'GET', url: '/api/v1/patients/pat%201/measures' });
    expect(request(1)).toMatchObject({ method: 'POST', url: '/api/v1/patients/pat%201/responses', body: { instrument: 'phq9', answers: { phq9_1: 2 }, submit: false } });
    expect(request(2)).toMatchObject({ method: 'POST', url: '/api/v1/patients/pat%201/questionnaire-links', body: { instruments: ['phq9', 'gad7'] } });
    expect(request(3)).toMatchObject({ method: 'POST', url: '/api/v1/patients/pat%201/schedule', body: { entries: [{ instrument: 'phq9', rule: 'weekly', start: '2026-11-21', end: null, interval_days: 0 }] } });
    expect(request(4)).toMatchObject({ method: 'POST', url: '/api/v1/patients/pat%201/responsible-clinician', body: { user_id: null } });
  });

  it('acknowledges a task and passes on the server’s refusal', async () => {
    const { client, request } = clientAnswering(json(409, { error: { code: 'already_acknowledged', message: 'Already acknowledged.' } }));
    const refused = await client.acknowledgeTask('tsk/1', 'Phoned').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 409, code: 'already_acknowledged' });
    expect(request(0)).toMatchObject({ method: 'POST', url: '/api/v1/tasks/tsk%2F1/acknowledge', body: { action: 'Phoned' } });
  });

  it('reads the settings and sends a change', async () => {
    const { client, request } = clientAnswering(json(200, SETTINGS), json(200, SETTINGS));
    await expect(client.getMeasurementSettings()).resolves.toEqual(SETTINGS);
    await client.updateMeasurementSettings({ escalation_minutes: 30 });
    expect(request(0)).toMatchObject({ method: 'GET', url: '/api/v1/clinic/measurement-settings' });
    expect(request(1)).toMatchObject({ method: 'POST', url: '/api/v1/clinic/measurement-settings', body: { escalation_minutes: 30 } });
  });
});
