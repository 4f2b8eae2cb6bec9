import { absoluteBoxes, areaAround, atLeast, boundsOf, contains, drawnIn, fitInto, fromMap, grow, serves, toMap, trimRoute, viewOf, type Box } from './drawnArea';
import type { FlowEdge } from './RoutedEdge';
import type { FlowNode } from './toFlow';

function node(id: string, x: number, y: number, extra: Partial<FlowNode> = {}): FlowNode {
  return {
    id,
    type: 'state',
    position: { x, y },
    width: 100,
    height: 40,
    data: { name: id, kind: 'Pass', container: false, problems: 0 },
    ...extra,
  };
}

function edge(source: string, target: string, points: [number, number][] | null): FlowEdge {
  return {
    id: `${source}->${target}`,
    source,
    target,
    data: { points: points ?? [], labelAt: null, routed: points !== null, source: `/States/${source}/Next` },
  };
}

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('the view and the area drawn around it', () => {
  it('converts the transform to the part of the diagram in view', () => {
    expect(viewOf([-200, 100, 0.5], 800, 600)).toEqual({ x: 400, y: -200, width: 1600, height: 1200 });
  });

  it('grows a box by a part of its size on each side', () => {
    expect(grow({ x: 0, y: 0, width: 100, height: 50 }, 0.5)).toEqual({ x: -50, y: -25, width: 200, height: 100 });
  });

  it('keeps the area while the view stays inside it, not once it leaves or is zoomed far in', () => {
    const view = { x: 0, y: 0, width: 100, height: 100 };
    const area = grow(view, 0.5);
    expect(serves(area, view, 16)).toBe(true);
    expect(serves(area, { ...view, x: 49 }, 16)).toBe(true);
    expect(serves(area, { ...view, x: 51 }, 16)).toBe(false);
    expect(serves(area, { ...view, y: -51 }, 16)).toBe(false);
    // Zoomed out past the margin.
    expect(serves(area, grow(view, 0.6), 16)).toBe(false);
    // Zoomed in: the 200 × 200 area is 16 times a 50 × 50 view, 25 times a 40 × 40 one.
    expect(serves(area, { x: 0, y: 0, width: 50, height: 50 }, 16)).toBe(true);
    expect(serves(area, { x: 0, y: 0, width: 40, height: 40 }, 16)).toBe(false);
  });
  it('grows the area by at least a number of screen pixels, however small the pane', () => {
    // A 400 × 200 px pane at zoom 0.5: half the view is 100 px high, less than the 300 px asked for.
    const view = viewOf([0, 0, 0.5], 400, 200);
    expect(areaAround(view, 0.5, 0.5, 300)).toEqual({ x: -600, y: -600, width: 2000, height: 1600 });
    // A big pane: half the view is more than the pixels asked for.
    expect(areaAround(viewOf([0, 0, 1], 2000, 1000), 1, 0.5, 300)).toEqual({ x: -1000, y: -500, width: 4000, height: 2000 });
  });

  it('tells whether one box lies inside another', () => {
    const area = { x: 0, y: 0, width: 100, height: 100 };
    expect(contains(area, { x: 10, y: 10, width: 90, height: 90 })).toBe(true);
    expect(contains(area, { x: 10, y: 10, width: 91, height: 90 })).toBe(false);
    expect(contains(area, { x: -1, y: 10, width: 10, height: 10 })).toBe(false);
  });
});

describe('absolute boxes', () => {
  it('adds the parents’ positions and prefers the measured size', () => {
    const boxes = absoluteBoxes([
      node('/States/P', 100, 200, { width: 400, height: 300 }),
      node('/States/P/Branches/0', 10, 20, { parentId: '/States/P' }),
      node('/States/P/Branches/0/States/X', 5, 6, { parentId: '/States/P/Branches/0', measured: { width: 120, height: 44 } }),
    ]);
    expect(boxes.get('/States/P/Branches/0/States/X')).toEqual({ x: 115, y: 226, width: 120, height: 44 });
    expect(boundsOf(boxes.values())).toEqual({ x: 100, y: 200, width: 400, height: 300 });
    expect(boundsOf([])).toBeNull();
  });

  it('does not loop on a parent cycle', () => {
    const boxes = absoluteBoxes([node('a', 1, 1, { parentId: 'b' }), node('b', 2, 2, { parentId: 'a' })]);
    expect(boxes.size).toBe(2);
  });
});

describe('what is drawn for an area', () => {
  // A column of states 100 apart; the area covers y 0..250 (states 0, 1, 2).
  const column = Array.from({ length: 10 }, (_, i) => node(`s${i}`, 0, i * 100));
  const area: Box = { x: -50, y: 0, width: 300, height: 250 };

  it('draws the states in the area, in their order, as the same objects', () => {
    const out = drawnIn(column, [], area);
    expect(ids(out.nodes)).toEqual(['s0', 's1', 's2']);
    expect(out.nodes[1]).toBe(column[1]);
  });

  it('draws a transition crossing the area and the states at both ends, and drops those outside', () => {
    const edges = [
      edge('s0', 's1', [[50, 40], [50, 100]]),
      edge('s8', 's9', [[50, 840], [50, 900]]),
      // A long line from far below, passing through the area on the right.
      edge('s9', 's0', [[100, 920], [200, 920], [200, 20], [100, 20]]),
    ];
    const out = drawnIn(column, edges, area);
    expect(ids(out.edges)).toEqual(['s0->s1', 's9->s0']);
    expect(ids(out.nodes)).toEqual(['s0', 's1', 's2', 's9']);
  });

  it('places a transition moved off its route by the states it joins', () => {
    const out = drawnIn(column, [edge('s2', 's7', null), edge('s6', 's7', null)], area);
    expect(ids(out.edges)).toEqual(['s2->s7']);
    expect(ids(out.nodes)).toContain('s7');
  });

  it('keeps selected and dragged states, and the containers around a drawn state', () => {
    const nodes = [
      ...column,
      node('P', 1000, 1000, { width: 500, height: 500 }),
      node('P/b', 0, 0, { parentId: 'P', width: 500, height: 500 }),
      node('P/b/x', 10, 10, { parentId: 'P/b', selected: true }),
      node('far', 5000, 5000, { dragging: true }),
    ];
    const out = drawnIn(nodes, [], area);
    expect(ids(out.nodes)).toEqual(['s0', 's1', 's2', 'P', 'P/b', 'P/b/x', 'far']);
  });
});

describe('the minimap picture', () => {
  it('fits the diagram in the picture, centred, and maps points both ways', () => {
    const fit = fitInto({ x: 100, y: 0, width: 1000, height: 4000 }, 150, 100, 4);
    expect(fit.scale).toBeCloseTo(92 / 4000);
    const all = toMap(fit, fit.bounds);
    expect(all.y).toBeCloseTo(4);
    expect(all.height).toBeCloseTo(92);
    expect(all.x + all.width / 2).toBeCloseTo(75);
    const p = fromMap(fit, 75, 50);
    expect(p.x).toBeCloseTo(600);
    expect(p.y).toBeCloseTo(2000);
  });

  it('keeps the view’s frame big enough to be seen, about its centre', () => {
    expect(atLeast({ x: 10, y: 20, width: 2, height: 30 }, 6)).toEqual({ x: 8, y: 20, width: 6, height: 30 });
  });
});

describe('long routes cut to the drawn area', () => {
  const box: Box = { x: 0, y: 0, width: 100, height: 100 };

  it('keeps a route that is all inside, with its end', () => {
    expect(trimRoute([[10, 10], [10, 90], [50, 90]], box)).toEqual({ points: [[10, 10], [10, 90], [50, 90]], skipped: 0, endKept: true });
  });

  it('cuts a line running through from far away, saying how much was cut before and that the end is gone', () => {
    // From (200, -1000) right of the box, over to x = 50, down through the box to y = 5000.
    const t = trimRoute([[200, -1000], [50, -1000], [50, 5000]], box);
    expect(t).toEqual({ points: [[50, 0], [50, 100]], skipped: 150 + 1000, endKept: false });
  });

  it('keeps the end (where the arrowhead is) of a line that arrives in the box', () => {
    const t = trimRoute([[50, -500], [50, 50], [80, 50]], box);
    expect(t).toEqual({ points: [[50, 0], [50, 50], [80, 50]], skipped: 500, endKept: true });
  });

  it('keeps what lies between the first entry and the last exit', () => {
    const t = trimRoute([[-50, 10], [50, 10], [50, 300], [60, 300], [60, 10], [500, 10]], box);
    expect(t?.points).toEqual([[0, 10], [50, 10], [50, 300], [60, 300], [60, 10], [100, 10]]);
    expect(t?.skipped).toBe(50);
    expect(t?.endKept).toBe(false);
  });

  it('gives nothing for a route that goes around the box', () => {
    expect(trimRoute([[-10, -10], [200, -10], [200, 200]], box)).toBeNull();
  });
});
