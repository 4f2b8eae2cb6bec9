import { expect, it } from 'vitest';
import { MIN_CANVAS, MIN_PANEL, clampHeight, defaultHeight, loadLayout, saveLayout } from './panelSize';

it('keeps the panel between its minimum and what leaves the canvas room', () => {
  expect(clampHeight(10, 800)).toBe(MIN_PANEL);
  expect(clampHeight(300, 800)).toBe(300);
  expect(clampHeight(2000, 800)).toBe(800 - MIN_CANVAS);
  expect(defaultHeight(800)).toBe(267);
  expect(defaultHeight(1400)).toBe(320);
});

it('remembers the layout and survives bad stored values', () => {
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  expect(loadLayout(storage)).toEqual({ height: null, hidden: false });
  saveLayout(storage, { height: 300, hidden: true });
  expect(loadLayout(storage)).toEqual({ height: 300, hidden: true });
  store.set('statewright.runPanel', '{not json');
  expect(loadLayout(storage)).toEqual({ height: null, hidden: false });
});
