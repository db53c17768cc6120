// For the Measures tests: a small instrument catalogue and a fake server that
// keeps one patient's responses, schedule, links and responsible clinician, scores
// submissions (a PHQ-9 question 9 above 0 is a risk signal that raises a task),
// and answers the clinic-wide due list, tasks and settings. The chart's own
// routes come from the chart's fake server. Not a test file itself.
import type { ClinicDueQuestionnaire, ClinicianRef, EscalationTask, MeasureResponse, MeasurementSettings, PatientMeasures, ScheduleEntry } from '../api';
import { fakeServer as chartServer } from '../chart/chart_test_server';
import { bandOf, CATALOGUE, PRESCRIBER, SETTINGS } from './measures_fixtures';

export interface MeasuresFakeOptions {
  responses?: MeasureResponse[];
  schedule?: ScheduleEntry[];
  sessionDays?: string[];
  due?: ClinicDueQuestionnaire[];
  tasks?: EscalationTask[];
  responsible?: ClinicianRef | null;
  /** Answer every measures route with this status and error instead (e.g. 500). */
  measuresFail?: boolean;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const error = (status: number, code: string, message: string, field?: string) => json(status, { error: { code, message, ...(field ? { field } : {}) } });

/** The chart's fake server with the measurement routes added. */
export function measuresServer(options: MeasuresFakeOptions = {}) {
  let responses = [...(options.responses ?? [])];
  let schedule = options.schedule ?? [];
  let responsible = options.responsible ?? null;
  let tasks = options.tasks ?? [];
  let settings = SETTINGS;
  const links: PatientMeasures['links'] = [];
  let serial = responses.length;

  const measures = (): PatientMeasures => {
    const current = responses.filter((r) => r.status === 'submitted' && r.amended_by === null).reverse();
    const series = CATALOGUE.flatMap((instrument) => {
      const points = current.filter((r) => r.instrument === instrument.code).map((r) => ({ response_id: r.id, at: r.submitted_at ?? '', total: r.total ?? 0, band: r.band ?? '' }));
      const first = points[0];
      const last = points.at(-1);
      if (!first || !last) return [];
      const change = last.total - first.total;
      return [{
        instrument: instrument.code, points,
        outcome: {
          baseline: { at: first.at, total: first.total }, latest: { at: last.at, total: last.total }, change,
          percent_change: first.total === 0 ? null : Math.round((change / first.total) * 1000) / 10,
          response: first.total > 0 && last.total <= first.total / 2, remission: instrument.remission_at_most !== null && last.total <= instrument.remission_at_most,
          meaningful_change: instrument.code === 'pcl5' && Math.abs(change) >= 3, latest_band: last.band,
        },
      }];
    });
    const due = (options.due ?? []).map((d) => ({ instrument: d.instrument, rule: d.rule, due_on: d.due_on, overdue: d.overdue, missed: d.missed }));
    return { series, responses, links, schedule, due, session_days: options.sessionDays ?? [], responsible_clinician: responsible };
  };

  const record = (body: Record<string, unknown>): Response => {
    const instrument = CATALOGUE.find((i) => i.code === body.instrument);
    if (!instrument) return error(400, 'validation_failed', 'Unknown instrument.', 'instrument');
    const answers = body.answers as Record<string, number>;
    if (body.submit) {
      const missing = instrument.items.find((item) => answers[item.code] === undefined);
      if (missing) return error(400, 'validation_failed', 'Answer this item.', `answers.${missing.code}`);
    }
    const amended = responses.find((r) => r.id === body.amends);
    if (body.amends && !body.amendment_reason) return error(400, 'validation_failed', 'Give a reason.', 'amendment_reason');
    if (amended?.amended_by) return error(409, 'already_amended', 'This response has already been amended.');
    const continued = responses.find((r) => r.id === body.response_id);
    if (continued?.status === 'submitted') return error(409, 'already_submitted', 'This response was already submitted.');
    const total = Object.values(answers).reduce((a, b) => a + b, 0);
    const at = `2026-11-${String(20 + serial).padStart(2, '0')}T10:00:00.000Z`;
    const response: MeasureResponse = {
      id: continued?.id ?? `rsp_${++serial}`, instrument: instrument.code, status: body.submit ? 'submitted' : 'in_progress', source: 'staff', answers,
      total: body.submit ? total : null, band: body.submit ? bandOf(instrument, total) : null, started_at: continued?.started_at ?? at, submitted_at: body.submit ? at : null,
      entered_by: 'nurse@demo.test', amends: amended?.id ?? null, amended_by: null, amendment_reason: (body.amendment_reason as string | undefined) ?? '',
    };
    responses = [response, ...responses.filter((r) => r.id !== response.id)];
    if (amended) responses = responses.map((r) => (r.id === amended.id ? { ...r, amended_by: response.id } : r));
    const risky = body.submit && instrument.code === 'phq9' && (answers.phq9_9 ?? 0) > 0;
    const risk = risky ? [{ code: 'phq9_item9', reason: 'PHQ-9 question 9 (thoughts of self-harm) answered "Several days".' }] : [];
    return json(201, { response, risk, task_id: risky ? 'tsk_1' : null });
  };

  const route = (url: string, post: boolean, body: Record<string, unknown>): Response | undefined => {
    const patient = '/api/v1/patients/pat_1';
    if (options.measuresFail && (url.startsWith(`${patient}/measures`) || url === '/api/v1/instruments')) return error(500, 'internal', 'The server failed.');
    if (url === '/api/v1/instruments') return json(200, { instruments: CATALOGUE });
    if (url === `${patient}/measures`) return json(200, measures());
    if (url === `${patient}/responses`) return record(body);
    if (url === `${patient}/schedule`) {
      const entries = body.entries as ScheduleEntry[];
      const late = entries.findIndex((e) => e.start < '2000-01-01');
      if (late >= 0) return error(400, 'validation_failed', 'The start is too early.', `entries[${late}].start`);
      schedule = entries;
      return json(200, { schedule, due: [{ instrument: 'phq9', rule: 'weekly', due_on: '2026-11-28', overdue: false, missed: 0 }] });
    }
    if (url === `${patient}/questionnaire-links`) {
      const instruments = body.instruments as string[];
      if (instruments.some((code) => CATALOGUE.find((i) => i.code === code)?.completion !== 'patient')) return error(400, 'validation_failed', 'Only patient questionnaires may be sent.', 'instruments');
      links.unshift({ id: 'lnk_1', instruments, created_at: '2026-11-21T10:00:00.000Z', expires_at: '2026-11-24T10:00:00.000Z', status: 'open', submitted: [] });
      return json(201, { id: 'lnk_1', token: 'tok_secret', path: '/q/cln_1/tok_secret', expires_at: '2026-11-24T10:00:00.000Z', message: { subject: 'Questionnaires from Demo Clinic', body: 'Hello Maya,\nPlease fill in: /q/cln_1/tok_secret' } });
    }
    if (url === `${patient}/responsible-clinician`) {
      responsible = body.user_id === PRESCRIBER.id ? PRESCRIBER : null;
      return json(200, { responsible_clinician: responsible });
    }
    if (url === '/api/v1/clinicians') return json(200, { clinicians: [{ ...PRESCRIBER, roles: ['prescriber'] }] });
    if (url === '/api/v1/measures/due') return json(200, { items: options.due ?? [] });
    if (url.startsWith('/api/v1/tasks?')) return json(200, { tasks: url.endsWith('state=all') ? tasks : tasks.filter((t) => t.acknowledged_at === null) });
    const ack = /^\/api\/v1\/tasks\/([^/]+)\/acknowledge$/.exec(url);
    if (ack) {
      const task = tasks.find((t) => t.id === ack[1]);
      if (!task) return error(404, 'not_found', 'No such task.');
      if (task.acknowledged_at) return error(409, 'already_acknowledged', 'Someone acknowledged this task already.');
      const done = { ...task, acknowledged_at: '2026-11-21T11:00:00.000Z', acknowledged_by: 'prescriber@demo.test', action: body.action as string };
      tasks = tasks.map((t) => (t.id === task.id ? done : t));
      return json(200, done);
    }
    if (url === '/api/v1/clinic/measurement-settings' && post) {
      if (typeof body.escalation_minutes === 'number' && body.escalation_minutes > 10080) return error(400, 'validation_failed', 'At most 10080 minutes.', 'escalation_minutes');
      if (body.crisis_message === 'refuse me') return error(400, 'validation_failed', 'The server refuses this message.', 'crisis_message');
      settings = { ...settings, ...(body as Partial<MeasurementSettings>), updated_at: '2026-11-21T12:00:00.000Z', updated_by: 'admin@demo.test' };
      return json(200, settings);
    }
    if (url === '/api/v1/clinic/measurement-settings') return json(200, settings);
    return undefined;
  };

  return chartServer({ extraRoute: route });
}

