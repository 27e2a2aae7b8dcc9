/** The link's group commit: what is written together, when, and that a failed write loses and reorders nothing. */
import { describe, expect, it, vi } from 'vitest';
import { Journal, type JournalPolicy } from '../src/sms/journal';

const POLICY: JournalPolicy = { maxBatch: 5, maxDelayMs: 40, soonDelayMs: 5, retryMs: 10 };

function recorder(failures = 0, policy = POLICY) {
  const writes: number[][] = [];
  const writtenAt: number[] = [];
  let fail = failures;
  const journal = new Journal<number>(
    async (items) => {
      if (fail-- > 0) throw new Error('database down');
      writes.push(items);
      writtenAt.push(Date.now());
    },
    policy,
    () => undefined,
  );
  return { journal, writes, writtenAt };
}

describe('sms journal', () => {
  it('writes answers together once the oldest has waited maxDelayMs', async () => {
    const { journal, writes } = recorder();
    journal.add(1);
    journal.add(2);
    await new Promise((r) => setTimeout(r, 10));
    expect(writes).toEqual([]);
    expect(journal.size).toBe(2);
    await vi.waitFor(() => expect(writes).toEqual([[1, 2]]));
    expect(journal.size).toBe(0);
  });

  it('writes at once when a batch is full, and at once for "now"', async () => {
    const { journal, writes } = recorder();
    for (let i = 1; i <= 5; i++) journal.add(i);
    await vi.waitFor(() => expect(writes).toEqual([[1, 2, 3, 4, 5]]));
    journal.add(6);
    journal.add(7, 'now');
    await vi.waitFor(() =>
      expect(writes).toEqual([
        [1, 2, 3, 4, 5],
        [6, 7],
      ]),
    );
  });

  it('brings the write forward for "soon"', async () => {
    const { journal, writes, writtenAt } = recorder(0, { ...POLICY, maxDelayMs: 5_000 });
    const started = Date.now();
    journal.add(1);
    journal.add(2, 'soon');
    await vi.waitFor(() => expect(writes).toEqual([[1, 2]]));
    expect(writtenAt[0]! - started).toBeLessThan(2_500);
  });

  it('keeps the items of a failed write, in order, and writes each once when the database is back', async () => {
    const { journal, writes } = recorder(2);
    journal.add(1, 'now');
    journal.add(2);
    journal.add(3);
    await journal.drain(5_000);
    expect(writes.flat()).toEqual([1, 2, 3]);
    expect(journal.size).toBe(0);
  });

  it('gives up draining after the timeout while the database stays down', async () => {
    const { journal, writes } = recorder(Infinity);
    journal.add(1, 'now');
    const started = Date.now();
    await journal.drain(50);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(writes).toEqual([]);
    expect(journal.size).toBe(1);
    journal.stop();
  });
});
