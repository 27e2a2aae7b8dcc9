/**
 * How well a backend answers while it works: a cheap query every 20 ms during `work`, each cycle
 * (timer + answer) timed. When work holds the event loop, cycles grow from ~20 ms to its length.
 */
import type { TestBackend } from './backend';

export async function answeringWhile<T>(
  backend: TestBackend,
  work: () => Promise<T>,
): Promise<{ result: T; workMs: number; cycles: number[] }> {
  const cycles: number[] = [];
  let working = true;
  const asking = (async () => {
    while (working) {
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await backend.call('catalog.current', {});
      cycles.push(performance.now() - started);
    }
  })();
  const started = performance.now();
  try {
    const result = await work();
    return { result, workMs: performance.now() - started, cycles };
  } finally {
    working = false;
    await asking;
  }
}
