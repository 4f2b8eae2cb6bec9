import { expect, it } from 'vitest';
import { MAX_FACTOR, MIN_FACTOR, isPreset, parseFactor, speedLabel } from './speed';

it('accepts factors within the limits, with a decimal point or comma', () => {
  expect(parseFactor('5')).toEqual({ ok: true, value: 5 });
  expect(parseFactor(' 0.5 ')).toEqual({ ok: true, value: 0.5 });
  expect(parseFactor('2,5')).toEqual({ ok: true, value: 2.5 });
  expect(parseFactor(String(MIN_FACTOR))).toEqual({ ok: true, value: MIN_FACTOR });
  expect(parseFactor(String(MAX_FACTOR))).toEqual({ ok: true, value: MAX_FACTOR });
});

it('refuses anything else with the allowed range in plain words', () => {
  for (const bad of ['', '0', '0.05', '100001', '-3', 'fast', '1e3', 'Infinity', '1.2.3']) {
    const got = parseFactor(bad);
    expect(got.ok, bad).toBe(false);
    if (!got.ok) expect(got.reason).toBe('Type a number from 0.1 (ten times slower than real time) to 100,000.');
  }
});

it('knows the presets and names any speed', () => {
  expect(isPreset(10)).toBe(true);
  expect(isPreset(7)).toBe(false);
  expect(speedLabel(0)).toBe('Instant');
  expect(speedLabel(1)).toBe('Real time');
  expect(speedLabel(7.5)).toBe('×7.5');
});
