// What each colour and icon on the canvas means during a run.
import { STATUS_LOOK, STATUS_ORDER } from './look';

export function Legend() {
  return (
    <ul className="run-legend" aria-label="Legend">
      {STATUS_ORDER.map((s) => (
        <li key={s} style={{ color: STATUS_LOOK[s].colour }}>
          <span aria-hidden="true">{STATUS_LOOK[s].icon}</span> <span className="run-legend-text">{STATUS_LOOK[s].label}</span>
        </li>
      ))}
      <li>
        <span className="bp-dot" aria-hidden="true" /> <span className="run-legend-text">Breakpoint</span>
      </li>
    </ul>
  );
}
