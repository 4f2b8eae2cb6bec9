// Runs an async job for a stream of inputs without queueing them up: at most one job at a time,
// started at once when idle; inputs that arrive meanwhile replace each other and only the newest
// runs next. Results of jobs overtaken by a newer input are dropped. Used for analysing the text:
// no fixed delay, so an edit reaches the diagram in one round trip, and typing never piles up.

export function latestOnly<T, R>(job: (input: T) => Promise<R>, apply: (result: R) => void): (input: T) => void {
  let busy = false;
  let waiting: { input: T } | null = null;
  const push = (input: T) => {
    if (busy) {
      waiting = { input };
      return;
    }
    busy = true;
    job(input)
      .then(
        (result) => {
          if (waiting === null) apply(result);
        },
        () => undefined,
      )
      .finally(() => {
        busy = false;
        const next = waiting;
        waiting = null;
        if (next) push(next.input);
      });
  };
  return push;
}
