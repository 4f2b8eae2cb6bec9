// Wait's four ways: a number of seconds, a date, or either read from a field. Pure (tested in
// waitModes.test.ts).

export const WAIT_MODES: { field: string; label: string; start: unknown; path?: boolean }[] = [
  { field: 'Seconds', label: 'A number of seconds', start: 10 },
  { field: 'Timestamp', label: 'Until a date and time', start: '2026-01-01T00:00:00Z' },
  { field: 'SecondsPath', label: 'Seconds read from a field', start: '$.waitSeconds', path: true },
  { field: 'TimestampPath', label: 'Date and time read from a field', start: '$.waitUntil', path: true },
];

/** Which of Seconds / Timestamp / SecondsPath / TimestampPath the state uses. */
export function waitMode(state: Record<string, unknown>): string {
  return WAIT_MODES.find((m) => state[m.field] !== undefined)?.field ?? 'Seconds';
}
