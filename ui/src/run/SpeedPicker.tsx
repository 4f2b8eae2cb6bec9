// The Speed control: the preset speeds, plus "Custom…" which shows a number field labelled
// "Speed factor" for any ×N from 0.1 to 100,000. A typed value that is not usable is explained
// beside the field and leaves the run's speed unchanged (which the field's hint says).
import { useState } from 'react';
import { MAX_FACTOR, MIN_FACTOR, SPEEDS, isPreset, parseFactor, speedLabel } from './speed';

const CUSTOM = 'custom';

export function SpeedPicker({ speed, setSpeed, disabled }: { speed: number; setSpeed: (s: number) => void; disabled: boolean }) {
  const [custom, setCustom] = useState(!isPreset(speed));
  const [text, setText] = useState(String(speed > 0 ? speed : 5));
  const parsed = parseFactor(text);
  const choose = (value: string) => {
    if (value === CUSTOM) {
      setCustom(true);
      const p = parseFactor(text);
      if (p.ok) setSpeed(p.value);
      return;
    }
    setCustom(false);
    setSpeed(Number(value));
  };
  const type = (value: string) => {
    setText(value);
    const p = parseFactor(value);
    if (p.ok) setSpeed(p.value);
  };
  return (
    <span className="run-speed">
      <label>
        Speed{' '}
        <select aria-label="Speed" value={custom ? CUSTOM : speed} onChange={(e) => choose(e.target.value)} disabled={disabled}>
          {SPEEDS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
          <option value={CUSTOM}>Custom…</option>
        </select>
      </label>
      {custom && (
        <label className="run-speed-factor">
          Speed factor ×
          <input
            type="number"
            aria-label="Speed factor"
            aria-invalid={!parsed.ok}
            aria-describedby={parsed.ok ? undefined : 'run-speed-problem'}
            min={MIN_FACTOR}
            max={MAX_FACTOR}
            step="any"
            value={text}
            disabled={disabled}
            onChange={(e) => type(e.target.value)}
          />
        </label>
      )}
      {custom && !parsed.ok && (
        <span id="run-speed-problem" className="run-speed-problem" role="alert">
          {parsed.reason} Runs go at {speedLabel(speed)} until then.
        </span>
      )}
    </span>
  );
}
