import { describe, expect, it } from 'vitest';
import { latestOnly } from './latestOnly';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('latestOnly', () => {
  it('starts at once, skips inputs overtaken while busy and applies only the newest result', async () => {
    const started: string[] = [];
    const pending = new Map<string, ReturnType<typeof deferred<string>>>();
    const applied: string[] = [];
    const push = latestOnly(
      (t: string) => {
        started.push(t);
        const d = deferred<string>();
        pending.set(t, d);
        return d.promise;
      },
      (r) => applied.push(r),
    );
    push('a');
    expect(started).toEqual(['a']);
    push('b');
    push('c');
    expect(started, 'one job at a time').toEqual(['a']);
    pending.get('a')!.resolve('A');
    await settle();
    expect(applied, 'a result overtaken by newer text is dropped').toEqual([]);
    expect(started, 'only the newest waiting input runs').toEqual(['a', 'c']);
    pending.get('c')!.resolve('C');
    await settle();
    expect(applied).toEqual(['C']);
  });

  it('keeps going after a failed job', async () => {
    const applied: number[] = [];
    const push = latestOnly((n: number) => (n < 0 ? Promise.reject(new Error('no')) : Promise.resolve(n)), (r) => applied.push(r));
    push(-1);
    push(2);
    await settle();
    await settle();
    expect(applied).toEqual([2]);
  });
});
