import { describe, expect, it, vi } from 'vitest';
import { ApiClient, type Fetch } from '../api';

/** A client whose fetch answers `{items: []}` and records every request as "METHOD url body". */
function recordingClient() {
  const fetchFn = vi.fn<Fetch>(() => Promise.resolve(new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'Content-Type': 'application/json' } })));
  const sent = () => fetchFn.mock.calls.map(([url, init]) => `${init.method ?? ''} ${url}${typeof init.body === 'string' ? ` ${init.body}` : ''}`);
  return { api: new ApiClient(fetchFn), sent };
}

describe('the session calls', () => {
  it('reads the station, a day, a patient’s sessions, a session, its readings and the REMS forms', async () => {
    const { api, sent } = recordingClient();
    await api.listActiveSessions();
    await api.listSessionsOn('2026-11-21');
    await api.listPatientSessions('pat_1');
    await api.getSession('ses_1');
    await api.listVitals('ses_1');
    await api.getRemsForm('ses_1');
    await api.listPendingRemsForms();
    expect(sent()).toEqual([
      'GET /api/v1/sessions?active=true',
      'GET /api/v1/sessions?day=2026-11-21',
      'GET /api/v1/patients/pat_1/sessions',
      'GET /api/v1/sessions/ses_1',
      'GET /api/v1/sessions/ses_1/vitals',
      'GET /api/v1/sessions/ses_1/rems-form',
      'GET /api/v1/rems-forms?pending=true',
    ]);
  });

  it('posts every change with the contract’s body', async () => {
    const { api, sent } = recordingClient();
    await api.openSession('apt_1');
    await api.checkInSession('ses_1', { escort_confirmed: true, fasting_confirmed: true, pregnancy_status_current: true, questionnaire_done: false, questionnaire_skip_reason: 'declined today' });
    await api.decidePreDoseBp('ses_1', 'proceed', 'Anxious; repeat 138/88');
    await api.recordDrugLot('ses_1', 'K1234', '2027-03-31');
    await api.transitionSession('ses_1', { transition: 'start_dosing', rate_ml_per_h: 120 });
    await api.changeInfusionRate('ses_1', 90, 'BP rising');
    await api.recordDeviceGiven('ses_1');
    await api.giveRescueMedicine('ses_1', { drug: 'labetalol', dose_mg: 10, route: 'iv', reason: 'BP 200/115' });
    await api.recordEffect('ses_1', { kind: 'nausea', severity: 'mild', description: '', intervention: 'ondansetron 4 mg', outcome: 'ongoing', serious: false, narrative: '' });
    await api.recordAldrete('ses_1', { activity: 2, respiration: 2, consciousness: 2, on_room_air: true });
    await api.recordDischargeChecks('ses_1', { escort_present: true, instructions_given: true });
    await api.overrideDischarge('ses_1', 'Observed 30 min more by Dr P');
    await api.addSessionNote('ses_1', 'Integration went well.');
    await api.bookSessionFollowUp('ses_1', { type: 'integration', start: '2026-11-28T10:00:00.000Z', room_id: '', staff_ids: ['usr_t'] });
    await api.acknowledgeAlarm('ses_1', 7);
    await api.recordVitals('ses_1', [{ systolic_mmhg: 128, diastolic_mmhg: 82 }]);
    await api.markRemsFormSubmitted('ses_1', '2026-11-22');
    expect(sent()).toEqual([
      'POST /api/v1/sessions {"appointment_id":"apt_1"}',
      'POST /api/v1/sessions/ses_1/check-in {"escort_confirmed":true,"fasting_confirmed":true,"pregnancy_status_current":true,"questionnaire_done":false,"questionnaire_skip_reason":"declined today"}',
      'POST /api/v1/sessions/ses_1/bp-decision {"decision":"proceed","reason":"Anxious; repeat 138/88"}',
      'POST /api/v1/sessions/ses_1/drug-lot {"lot":"K1234","expiry_date":"2027-03-31"}',
      'POST /api/v1/sessions/ses_1/transitions {"transition":"start_dosing","rate_ml_per_h":120}',
      'POST /api/v1/sessions/ses_1/infusion {"rate_ml_per_h":90,"reason":"BP rising"}',
      'POST /api/v1/sessions/ses_1/devices {}',
      'POST /api/v1/sessions/ses_1/rescue-medicines {"drug":"labetalol","dose_mg":10,"route":"iv","reason":"BP 200/115"}',
      'POST /api/v1/sessions/ses_1/effects {"kind":"nausea","severity":"mild","description":"","intervention":"ondansetron 4 mg","outcome":"ongoing","serious":false,"narrative":""}',
      'POST /api/v1/sessions/ses_1/aldrete {"activity":2,"respiration":2,"consciousness":2,"on_room_air":true}',
      'POST /api/v1/sessions/ses_1/discharge-checks {"escort_present":true,"instructions_given":true}',
      'POST /api/v1/sessions/ses_1/discharge-override {"reason":"Observed 30 min more by Dr P"}',
      'POST /api/v1/sessions/ses_1/notes {"text":"Integration went well."}',
      'POST /api/v1/sessions/ses_1/follow-up {"type":"integration","start":"2026-11-28T10:00:00.000Z","room_id":"","staff_ids":["usr_t"]}',
      'POST /api/v1/sessions/ses_1/alarms/7/acknowledge {}',
      'POST /api/v1/sessions/ses_1/vitals {"source":"manual","readings":[{"systolic_mmhg":128,"diastolic_mmhg":82}]}',
      'POST /api/v1/sessions/ses_1/rems-form/submitted {"submitted_on":"2026-11-22"}',
    ]);
  });
});
