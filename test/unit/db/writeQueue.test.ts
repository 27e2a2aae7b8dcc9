/**
 * The one write queue (infra/db/writeQueue.ts) on a real SQLite file: work runs one at a time in
 * the order it was queued; a holder's own writes run inside its turn; nothing inherits a turn that
 * has ended; a failing holder does not keep the queue; work queued for a connection that closed
 * before its turn does not run on another.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/infra/db/database';
import { asReadable, type ReadableDB } from '../../../electron/backend/infra/db/handles';
import { createWriteQueue } from '../../../electron/backend/infra/db/writeQueue';
import { tempDir } from '../../helpers/backend';

const opened: ReadableDB[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.open && db.close()));

function setUp() {
  const db = asReadable(openDatabase(path.join(tempDir('ecw-queue-'), 'ecw.sqlite')));
  opened.push(db);
  const queue = createWriteQueue(() => db);
  const log: string[] = [];
  return { db, queue, log };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the write queue', () => {
  it('runs a write queued during a held turn after the turn, and the holder’s own writes inside it', async () => {
    const { queue, log } = setUp();
    const held = queue.hold(async () => {
      log.push('hold starts');
      await sleep(50);
      await queue.write(() => log.push('the holder writes'));
      log.push('hold ends');
    });
    const queued = queue.write(() => log.push('queued write'));
    await Promise.all([held, queued]);
    expect(log).toEqual(['hold starts', 'the holder writes', 'hold ends', 'queued write']);
  });

  it('runs each write in a transaction, in the order queued', async () => {
    const { db, queue } = setUp();
    const put = (k: string) =>
      queue.write((w) => w.prepare('INSERT INTO setting (key, value_json) VALUES (?, ?)').run(k, String(w.inTransaction)));
    await Promise.all([put('a'), put('b'), put('c')]);
    expect(db.prepare('SELECT key, value_json FROM setting ORDER BY rowid').all()).toEqual(
      ['a', 'b', 'c'].map((key) => ({ key, value_json: 'true' })),
    );
  });

  it('commits a write without sync in its turn, not waiting for the disk, and puts synchronous = FULL back even when it fails', async () => {
    const { db, queue, log } = setUp();
    const synchronous = () => db.pragma('synchronous', { simple: true });
    const held = queue.hold(async () => {
      await sleep(20);
      log.push('hold ends');
    });
    const unsynced = queue.writeWithoutSync((w) => {
      log.push(`unsynced write, synchronous ${synchronous()}`);
      w.prepare('INSERT INTO setting (key, value_json) VALUES (?, ?)').run('progress', '1');
    });
    await Promise.all([held, unsynced]);
    expect(log).toEqual(['hold ends', 'unsynced write, synchronous 1']); // NORMAL, in its turn
    expect(synchronous()).toBe(2); // FULL again
    await expect(
      queue.writeWithoutSync(() => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(synchronous()).toBe(2);
    expect(db.prepare('SELECT value_json FROM setting WHERE key = ?').pluck().get('progress')).toBe('1');
  });

  it('does not hand a timer started during a turn that turn once it has ended', async () => {
    const { queue } = setUp();
    let later: boolean | undefined;
    await queue.hold(() => {
      setTimeout(() => (later = queue.holding()), 0);
      return queue.holding();
    });
    await sleep(20);
    expect(later).toBe(false);
    expect(queue.detached(() => queue.holding())).toBe(false);
  });

  it('lets the next work run after a holder fails', async () => {
    const { queue } = setUp();
    await expect(queue.hold(async () => Promise.reject(new Error('handler failed')))).rejects.toThrow('handler failed');
    expect(await queue.write(() => 'next')).toBe('next');
  });

  it('refuses work whose connection closed before its turn came', async () => {
    const { db, queue } = setUp();
    const held = queue.hold(() => sleep(30));
    const queued = queue.write(() => 'should not run');
    db.close();
    await held;
    await expect(queued).rejects.toThrow('the database was closed before this write got its turn');
  });
});
