/** Runs at most `concurrency` of the given tasks at once. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(concurrency: number): Limiter {
  let running = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    running--;
    queue.shift()?.();
  };
  return task =>
    new Promise((resolve, reject) => {
      const run = () => {
        running++;
        task().then(resolve, reject).finally(next);
      };
      if (running < concurrency) {
        run();
      } else {
        queue.push(run);
      }
    });
}
