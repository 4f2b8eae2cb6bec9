import { dropPlace, polylineDistance } from './dropTarget';
import type { Diagram } from '../ipc/bindings';

const node = (id: string, kind: string, x: number, y: number, width: number, height: number, parent: string | null = null) => ({
  id,
  name: id.split('/').pop() ?? id,
  kind,
  x,
  y,
  width,
  height,
  parent,
  at: null,
});

const diagram: Diagram = {
  width: 800,
  height: 600,
  nodes: [
    node('/States/A', 'Pass', 0, 0, 100, 50),
    node('/States/B', 'Succeed', 0, 200, 100, 50),
    node('/States/Fan', 'Parallel', 300, 0, 400, 400),
    node('/States/Fan/Branches/0', 'Branch', 320, 40, 360, 340, '/States/Fan'),
    node('/States/Fan/Branches/0/States/X', 'Pass', 340, 80, 100, 50, '/States/Fan/Branches/0'),
  ],
  edges: [
    { id: 'e0', from: '/States/A', to: '/States/B', kind: 'next', label: null, points: [[50, 50], [50, 200]], labelAt: null, source: '/States/A/Next' },
  ],
};

describe('dropPlace', () => {
  it('measures distance to a polyline', () => {
    expect(polylineDistance({ x: 10, y: 5 }, [[0, 0], [20, 0]])).toBe(5);
    expect(polylineDistance({ x: 30, y: 0 }, [[0, 0], [20, 0]])).toBe(10);
    expect(polylineDistance({ x: 3, y: 4 }, [[0, 0]])).toBe(5);
  });

  it('puts a drop near a transition on it, and elsewhere in the innermost container', () => {
    expect(dropPlace(diagram, { x: 58, y: 120 }, 12)).toEqual({ at: 'transition', transition: '/States/A/Next' });
    expect(dropPlace(diagram, { x: 80, y: 120 }, 12)).toEqual({ at: 'container', states: '/States' });
    expect(dropPlace(diagram, { x: 500, y: 300 }, 12)).toEqual({ at: 'container', states: '/States/Fan/Branches/0/States' });
    expect(dropPlace(diagram, { x: 310, y: 20 }, 12)).toEqual({ at: 'container', states: '/States' });
    expect(dropPlace(diagram, { x: 900, y: 900 }, 12)).toEqual({ at: 'container', states: '/States' });
  });

  it('does not count a drop on a step as on the transition leaving it', () => {
    expect(dropPlace(diagram, { x: 50, y: 45 }, 12)).toEqual({ at: 'container', states: '/States' });
  });
});
