// The run speed choices: the presets of the Speed list and a custom factor typed by the user.
// Guarantees: a typed factor is accepted only when it is a number within the limits the run
// clock handles well (slower than real time down to ×0.1, faster up to ×100,000); anything else
// gets a plain-words reason and leaves the speed as it was.

export const MIN_FACTOR = 0.1;
export const MAX_FACTOR = 100_000;

export const SPEEDS: { value: number; label: string }[] = [
  { value: 0, label: 'Instant' },
  { value: 1, label: 'Real time' },
  { value: 2, label: '×2' },
  { value: 10, label: '×10' },
  { value: 100, label: '×100' },
  { value: 1000, label: '×1000' },
];

export const isPreset = (speed: number) => SPEEDS.some((s) => s.value === speed);

export type Factor = { ok: true; value: number } | { ok: false; reason: string };

/** Reads a typed speed factor ("5", "0.5", "2,5" with a decimal comma). */
export function parseFactor(text: string): Factor {
  const t = text.trim().replace(',', '.');
  const reason = `Type a number from ${MIN_FACTOR} (ten times slower than real time) to ${MAX_FACTOR.toLocaleString('en-US')}.`;
  if (t === '' || !/^\d*\.?\d*$/.test(t)) return { ok: false, reason };
  const value = Number(t);
  if (!Number.isFinite(value) || value < MIN_FACTOR || value > MAX_FACTOR) return { ok: false, reason };
  return { ok: true, value };
}

/** How a speed reads after "Speed": "Instant", "Real time" or "×2.5". */
export const speedLabel = (speed: number) => SPEEDS.find((s) => s.value === speed)?.label ?? `×${speed}`;
