// Each state's time on a shared axis (the run's clock, with the order of events so instant runs
// stay readable): errors as red ticks, the backoff before a retry hatched, retries counted.
import { useMemo } from 'react';
import type { RunEvent } from '../ipc/bindings';
import { formatMillis } from './inspect';
import { axis, spans } from './timeline';

const MAX_SPANS = 60;

const retries = (n: number) => `${n} retr${n === 1 ? 'y' : 'ies'}`;

export function Timeline({ events }: { events: RunEvent[] }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const list = useMemo(() => spans(events, MAX_SPANS), [events, events.length]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const x = useMemo(() => axis(events), [events, events.length]);
  if (list.length === 0) return <p className="run-hint">The timeline appears once the execution runs.</p>;
  const t0 = events[0]?.timestamp ?? 0;
  const last = events[events.length - 1]?.timestamp ?? t0;
  const lastAt = events.length - 1;
  const pct = (i: number) => `${(x.at(i) * 100).toFixed(3)}%`;
  return (
    <div className="run-timeline" aria-label="Timeline">
      <p className="run-count">
        {x.timed
          ? `Total ${formatMillis(last - t0)} in the run's clock (waits and retry backoff count; in instant mode they take no real time)`
          : 'No time passed in the run’s clock: the states are drawn in the order they ran'}
        {list.length >= MAX_SPANS ? `; first ${MAX_SPANS} state passes` : ''}
      </p>
      {list.map((s, i) => {
        const end = s.end ?? last;
        const endAt = s.at.end ?? lastAt;
        const backoff = s.backoffs.reduce((sum, b) => sum + (b.to - b.from), 0);
        return (
          <div className="tl-row" key={i}>
            <span className="tl-name" title={s.state}>
              {s.state}
            </span>
            <span className="tl-track">
              <span
                className={s.end === null ? 'tl-bar open' : s.errors.length > 0 ? 'tl-bar erred' : 'tl-bar'}
                style={{ left: pct(s.at.start), width: `max(4px, calc(${pct(endAt)} - ${pct(s.at.start)}))` }}
                title={`${s.state}: ${formatMillis(end - s.start)}${s.backoffs.length ? `, ${retries(s.backoffs.length)}` : ''}`}
              />
              {s.backoffs.map((b, j) => (
                <span
                  key={j}
                  className="tl-backoff"
                  style={{ left: pct(s.at.backoffs[j].from), width: `max(3px, calc(${pct(s.at.backoffs[j].to)} - ${pct(s.at.backoffs[j].from)}))` }}
                  title={`Backoff before retry ${j + 1}: ${formatMillis(b.to - b.from)}`}
                />
              ))}
              {s.at.errors.map((at, j) => (
                <span key={`e${j}`} className="tl-error" style={{ left: pct(at) }} title="Error" />
              ))}
            </span>
            <span className="tl-time">
              {formatMillis(end - s.start)}
              {s.backoffs.length > 0 ? ` · ${retries(s.backoffs.length)}, ${formatMillis(backoff)} backoff` : ''}
            </span>
          </div>
        );
      })}
    </div>
  );
}
