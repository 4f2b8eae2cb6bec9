// The execution history: AWS's event types, when, how long, and the details; with a filter and
// Export (GetExecutionHistory's JSON).
import { save } from '@tauri-apps/plugin-dialog';
import { useMemo, useState } from 'react';
import type { RunEvent } from '../ipc/bindings';
import { describeFailure } from '../ipc/client';
import { runIpc } from './client';
import { formatMillis } from './inspect';

/** Rows drawn at most (the newest matching ones); a 10,000-item Map has 40,000 events. */
const MAX_ROWS = 300;

export function HistoryTable({ events, ended, onMessage, path }: { events: RunEvent[]; ended: boolean; onMessage: (m: string) => void; path: string | null }) {
  const [filter, setFilter] = useState('');
  const start = events[0]?.timestamp ?? 0;
  const rows = useMemo(() => {
    const entered = new Map<string, number>();
    const f = filter.trim().toLowerCase();
    const out: { e: RunEvent; duration: number | null }[] = [];
    for (const e of events) {
      let duration: number | null = null;
      if (e.state && e.kind.endsWith('StateEntered')) entered.set(e.state, e.timestamp);
      if (e.state && e.kind.endsWith('StateExited')) duration = e.timestamp - (entered.get(e.state) ?? e.timestamp);
      if (f && !`${e.kind} ${e.state ?? ''} ${JSON.stringify(e.details)}`.toLowerCase().includes(f)) continue;
      out.push({ e, duration });
    }
    return out;
    // `events` grows in place; its length marks a change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [events, events.length, filter]);
  const shown = rows.slice(-MAX_ROWS);
  const exportHistory = async () => {
    const target = await save({ filters: [{ name: 'JSON', extensions: ['json'] }], defaultPath: path ? `${path.replace(/(\.asl)?\.json$/, '')}.history.json` : 'execution-history.json', title: 'Export the history' });
    if (!target) return;
    try {
      await runIpc.exportHistory(target);
      onMessage(`Exported the history to ${target}.`);
    } catch (f) {
      onMessage(describeFailure(f));
    }
  };
  return (
    <div className="run-history">
      <div className="run-history-head">
        <input aria-label="Filter events" placeholder="Filter events (type, state, details)" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="run-count">
          {rows.length === events.length ? `${events.length} events` : `${rows.length} of ${events.length} events`}
          {rows.length > MAX_ROWS ? `, newest ${MAX_ROWS} shown` : ''}
        </span>
        <button type="button" disabled={!ended} onClick={() => void exportHistory()} title="Save the whole history as JSON">
          Export history
        </button>
      </div>
      <div className="run-table-scroll">
        <table aria-label="Execution history">
          <thead>
            <tr>
              <th>#</th>
              <th>Event</th>
              <th>State</th>
              <th>Time</th>
              <th>Duration</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ e, duration }) => (
              <tr key={e.id} className={/Failed|TimedOut|Aborted/.test(e.kind) ? 'bad' : undefined}>
                <td>{e.id}</td>
                <td>{e.kind}</td>
                <td>
                  {e.state ?? ''}
                  {e.index !== null ? ` #${e.index}` : ''}
                </td>
                <td>+{formatMillis(e.timestamp - start)}</td>
                <td>{duration !== null ? formatMillis(duration) : ''}</td>
                <td className="run-details" title={e.details === null ? '' : JSON.stringify(e.details, null, 2)}>
                  {e.details === null ? '' : JSON.stringify(e.details).slice(0, 140)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
