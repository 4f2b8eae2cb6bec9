import { toFlow } from './toFlow';
import type { Diagram } from '../ipc/bindings';

const diagram: Diagram = {
  width: 400,
  height: 300,
  nodes: [
    { id: '/States/Fan', name: 'Fan', kind: 'Parallel', x: 10, y: 20, width: 300, height: 200, parent: null, at: null },
    { id: '/States/Fan/Branches/0', name: 'Branch 1', kind: 'Branch', x: 30, y: 50, width: 200, height: 120, parent: '/States/Fan', at: null },
    { id: '/States/Fan/Branches/0/States/A', name: 'A', kind: 'Pass', x: 40, y: 80, width: 190, height: 56, parent: '/States/Fan/Branches/0', at: null },
    { id: '/States/Done', name: 'Done', kind: 'Succeed', x: 10, y: 260, width: 190, height: 56, parent: null, at: null },
  ],
  edges: [{ id: 'e0', from: '/States/Fan', to: '/States/Done', kind: 'next', label: null, points: [[160, 220], [105, 260]], labelAt: null, source: "/States/Fan/Next" }],
};

describe('toFlow', () => {
  it('positions children relative to their parent and marks containers', () => {
    const { nodes, edges } = toFlow(diagram, new Map([['/States/Done', 2]]));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('/States/Fan/Branches/0')?.position).toEqual({ x: 20, y: 30 });
    expect(byId.get('/States/Fan/Branches/0/States/A')?.position).toEqual({ x: 10, y: 30 });
    expect(byId.get('/States/Fan/Branches/0/States/A')?.parentId).toBe('/States/Fan/Branches/0');
    expect(byId.get('/States/Fan')?.data.container).toBe(true);
    expect(byId.get('/States/Fan/Branches/0')?.type).toBe('group');
    expect(byId.get('/States/Done')?.data.problems).toBe(2);
    expect(edges[0]).toMatchObject({ source: '/States/Fan', target: '/States/Done', ariaLabel: 'Fan to Done', type: 'routed' });
    expect(edges[0].data?.points).toEqual([[160, 220], [105, 260]]);
  });
});
