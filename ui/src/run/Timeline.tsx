// Each state's time on a shared axis: errors as red ticks, the backoff before a retry hatched.
import { useMemo } from 'react';
import type { RunEvent } from '../ipc/bindings';
import { formatMillis } from './inspect';
import { spans } from './timeline';

const MAX_SPANS = 60;

export function Timeline({ events }: { events: RunEvent[] }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const list = useMemo(() => spans(events, MAX_SPANS), [events, events.length]);
  if (list.length === 0) return <p className="run-hint">The timeline appears once the execution runs.</p>;
  const t0 = events[0]?.timestamp ?? 0;
  const last = events[events.length - 1]?.timestamp ?? t0;
  const total = Math.max(last - t0, 1);
  const pct = (t: number) => `${((t - t0) / total) * 100}%`;
  return (
    <div className="run-timeline" aria-label="Timeline">
      <p className="run-count">
        Total {formatMillis(last - t0)} (in the run's clock){list.length >= MAX_SPANS ? `; first ${MAX_SPANS} state passes` : ''}
      </p>
      {list.map((s, i) => {
        const end = s.end ?? last;
        return (
          <div className="tl-row" key={i}>
            <span className="tl-name">{s.state}</span>
            <span className="tl-track">
              <span
                className={s.end === null ? 'tl-bar open' : s.errors.length > 0 ? 'tl-bar erred' : 'tl-bar'}
                style={{ left: pct(s.start), width: `max(3px, calc(${pct(end)} - ${pct(s.start)}))` }}
                title={`${s.state}: ${formatMillis(end - s.start)}${s.backoffs.length ? `, ${s.backoffs.length} retr${s.backoffs.length === 1 ? 'y' : 'ies'}` : ''}`}
              />
              {s.backoffs.map((b, j) => (
                <span key={j} className="tl-backoff" style={{ left: pct(b.from), width: `calc(${pct(b.to)} - ${pct(b.from)})` }} title={`Backoff ${formatMillis(b.to - b.from)}`} />
              ))}
              {s.errors.map((t, j) => (
                <span key={`e${j}`} className="tl-error" style={{ left: pct(t) }} title="Error" />
              ))}
            </span>
            <span className="tl-time">
              {formatMillis(end - s.start)}
              {s.backoffs.length > 0 ? ` · ${s.backoffs.length} retr${s.backoffs.length === 1 ? 'y' : 'ies'}` : ''}
            </span>
          </div>
        );
      })}
    </div>
  );
}
