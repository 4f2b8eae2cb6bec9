// Field suggestions for the rule builder and path fields: every path into a sample input (the
// workflow's `NAME.input.json`, as the run panel loaded it), like `$.order.total` or
// `$.items[0].sku`. Pure (tested in inputPaths.test.ts); bounded so a huge input stays quick.

const LIMIT = 300;

export function inputPaths(sample: unknown, limit = LIMIT): string[] {
  const out: string[] = [];
  const walk = (value: unknown, path: string, depth: number) => {
    if (out.length >= limit || depth > 8) return;
    if (Array.isArray(value)) {
      if (value.length > 0) {
        const item = `${path}[0]`;
        out.push(item);
        walk(value[0], item, depth + 1);
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (out.length >= limit) return;
        const step = /^[A-Za-z_][\w]*$/.test(key) ? `.${key}` : `['${key.replace(/'/g, "\\'")}']`;
        out.push(path + step);
        walk(v, path + step, depth + 1);
      }
    }
  };
  walk(sample, '$', 0);
  return out;
}

/** The sample input text as JSON, or undefined when there is none or it does not parse. */
export function readSample(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
