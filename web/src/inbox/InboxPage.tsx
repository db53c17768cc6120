// The inbox (/inbox): the tasks this user can see (high-priority suicide risk;
// relapse and positive bladder screens, medium priority, which never escalate), open
// ones first (escalated first, then oldest, as the server orders them). A task
// is acknowledged with the action taken. The list is read again as soon as the
// live connection says a task changed, and every 60 seconds in any case; the time
// left before escalation counts down meanwhile.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiClient, EscalationTask, TaskState } from '../api';
import { onLiveChange } from '../live/live_client';
import { ListStatus } from '../ui/ListStatus';
import { useServerList } from '../waiting/use_server_list';
import { AcknowledgeDialog } from './AcknowledgeDialog';
import { notifyTasksChanged, TASK_COUNT_REFRESH_MS } from './open_task_count';
import { TaskCard, taskHeadingId } from './TaskCard';
import { openTaskCount } from './task_rules';

/** How often the time left before escalation is worked out again. */
const CLOCK_TICK_MS = 30_000;

export function InboxPage({ api }: { api: ApiClient }) {
  const [state, setState] = useState<TaskState>('open');
  const tasks = useServerList(useCallback(() => api.listTasks(state), [api, state]));
  const [acknowledging, setAcknowledging] = useState<EscalationTask | null>(null);
  const [status, setStatus] = useState('');
  const nowMs = useClock(CLOCK_TICK_MS);
  const { reload } = tasks;
  useEffect(() => {
    const timer = setInterval(() => void reload(), TASK_COUNT_REFRESH_MS);
    const stopListening = onLiveChange(['task.'], () => void reload());
    return () => {
      clearInterval(timer);
      stopListening();
    };
  }, [reload]);

  const acknowledge = async (task: EscalationTask, action: string) => {
    try {
      await api.acknowledgeTask(task.id, action);
      setAcknowledging(null);
      setStatus(`Acknowledged the task for ${task.patient.name}.`);
    } finally {
      // Also after a refusal (409: someone acknowledged it meanwhile): show what is true now.
      await reload();
      notifyTasksChanged();
    }
    document.getElementById(taskHeadingId(task.id))?.focus();
  };

  const open = openTaskCount(tasks.items);
  return (
    <div class="page inbox">
      <h1>Inbox</h1>
      <p role="status" class="notice-line">
        {status}
      </p>
      <div class="entries-toolbar">
        <p class="inbox-summary">{tasks.loading ? '' : open === 0 ? 'No open tasks.' : `${open} open ${open === 1 ? 'task' : 'tasks'}.`}</p>
        <label class="checkbox">
          <input type="checkbox" checked={state === 'all'} onChange={(e) => setState(e.currentTarget.checked ? 'all' : 'open')} />
          Show acknowledged tasks too
        </label>
        <button type="button" class="secondary small-button" onClick={() => void reload()}>
          Refresh
        </button>
      </div>
      {tasks.items.length > 0 && (
        <ul class="task-list">
          {tasks.items.map((task) => (
            <TaskCard key={task.id} task={task} nowMs={nowMs} onAcknowledge={setAcknowledging} />
          ))}
        </ul>
      )}
      {/* The list stays on screen while it is read again: only the first read says "Loading…". */}
      <ListStatus list={{ ...tasks, loading: tasks.loading && tasks.items.length === 0 }} emptyText={state === 'open' ? 'Nothing to acknowledge. Tasks show here when answers raise a risk signal, scores relapse or a bladder screen is positive.' : 'No tasks yet.'} />
      {acknowledging && <AcknowledgeDialog task={acknowledging} onConfirm={(action) => acknowledge(acknowledging, action)} onCancel={() => setAcknowledging(null)} />}
    </div>
  );
}

/** The time now, renewed every `tickMs`. */
function useClock(tickMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return now;
}
