import { describe, expect, it } from 'vitest';
import type { Diagram } from '../ipc/bindings';
import { keepLive, keepSame, sameData, withSelection } from './stableFlow';
import { toFlow } from './toFlow';

const node = (id: string, name: string, y: number) => ({ id, name, kind: 'Pass', x: 0, y, width: 100, height: 40, parent: null, at: null });
const diagram = (names: string[]): Diagram => ({
  width: 100,
  height: 100,
  nodes: names.map((n, i) => node(`/States/${n}`, n, i * 60)),
  edges: names.slice(1).map((n, i) => ({
    id: `e${i}`,
    from: `/States/${names[i]}`,
    to: `/States/${n}`,
    kind: 'next',
    label: null,
    points: [[0, i * 60 + 40], [0, (i + 1) * 60]],
    labelAt: null,
    source: `/States/${names[i]}/Next`,
  })),
});

describe('stable flow', () => {
  it('keeps the objects of unchanged nodes and edges, replaces the changed ones', () => {
    const before = toFlow(diagram(['A', 'B', 'C']), new Map());
    const after = toFlow(diagram(['A', 'Bee', 'C']), new Map());
    const nodes = keepSame(before.nodes, after.nodes);
    expect(nodes[0]).toBe(before.nodes[0]);
    expect(nodes[1]).toBe(after.nodes[1]);
    expect(nodes[2]).toBe(before.nodes[2]);
    const edges = keepSame(before.edges, after.edges);
    expect(edges[0]).toBe(after.edges[0]); // its target changed
    expect(edges.every((e, i) => sameData(e, after.edges[i]))).toBe(true);
  });

  it('a problem count or a moved node is a change', () => {
    const before = toFlow(diagram(['A', 'B']), new Map());
    const counted = toFlow(diagram(['A', 'B']), new Map([['/States/A', 1]]));
    expect(keepSame(before.nodes, counted.nodes)[0]).not.toBe(before.nodes[0]);
    expect(keepSame(before.nodes, counted.nodes)[1]).toBe(before.nodes[1]);
  });

  it("keeps React Flow's live node for unchanged nodes unless it was dragged", () => {
    const shown = toFlow(diagram(['A', 'B', 'C']), new Map()).nodes;
    const live = [
      { ...shown[0], measured: { width: 100, height: 40 } },
      { ...shown[1], position: { x: 300, y: 300 } },
      { ...shown[2], selected: true },
    ];
    const next = keepSame(shown, toFlow(diagram(['A', 'B', 'C']), new Map()).nodes);
    const out = keepLive(live, shown, next);
    expect(out[0]).toBe(live[0]);
    expect(out[1]).toBe(shown[1]); // dragged: back to the computed place
    expect(out[2]).toBe(live[2]);
  });

  it('compares plain data deeply', () => {
    expect(sameData({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameData({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
  });

  it('selects the state chosen from outside in the same nodes, keeping a multi-selection it is part of', () => {
    const nodes = toFlow(diagram(['A', 'B', 'C']), new Map()).nodes;
    const one = withSelection(nodes, '/States/B');
    expect(one.map((n) => Boolean(n.selected))).toEqual([false, true, false]);
    expect(one[0]).toBe(nodes[0]);
    expect(withSelection(one, '/States/B')).toBe(one);
    const several = one.map((n) => (n.id === '/States/C' ? { ...n, selected: true } : n));
    expect(withSelection(several, '/States/C')).toBe(several);
    expect(withSelection(several, '/States/A').map((n) => Boolean(n.selected))).toEqual([true, false, false]);
    expect(withSelection(several, null).some((n) => n.selected)).toBe(false);
  });

  it('gives each node as already measured, in whole pixels', () => {
    const d = diagram(['A']);
    d.nodes[0].width = 100.4;
    const [n] = toFlow(d, new Map()).nodes;
    expect(n.measured).toEqual({ width: 100, height: 40 });
    expect(n.style).toEqual({ width: 100, height: 40 });
  });
});
