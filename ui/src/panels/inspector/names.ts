// State names across the whole workflow: new steps (a Parallel branch's first step) get a name
// no other step has. Pure (tested in names.test.ts).

/** A step name not used anywhere in the workflow: `Branch 3 step`, `Branch 3 step 2`... */
export function freshName(base: string, taken: string[]): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base} ${n}`)) return `${base} ${n}`;
}

/** Every state name in a definition, at any depth (Parallel branches, Map processors). */
export function stateNames(root: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      if (obj.States !== null && typeof obj.States === 'object' && !Array.isArray(obj.States)) {
        for (const [name, s] of Object.entries(obj.States)) {
          out.push(name);
          walk(s);
        }
      }
      for (const key of ['Branches', 'ItemProcessor', 'Iterator']) if (key in obj) walk(obj[key]);
    }
  };
  walk(root);
  return out;
}
