/**
 * No feature may exist in one transport only: the same calls through the in-memory transport, the
 * HTTP transport and the utilityProcess port give the same answers from the same dispatcher.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api';
import { startHttpServer } from '../../../electron/backend/transports/http';
import { serveParentPort, type BackendToMain } from '../../../electron/backend/transports/utilityProcess';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { enterpriseInput } from '../../bench/generateEnterprises';

type Call = (name: string, input: unknown) => Promise<Result<unknown>>;

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));
const start = () => {
  const t = createTestBackend();
  backends.push(t);
  return t;
};

/** A script of calls covering success, a domain error, a schema error and an unknown name. */
async function script(call: Call) {
  const created = await call('enterprises.create', enterpriseInput(1));
  const id = created.ok ? (created.value as { id: string }).id : 'missing';
  return [
    strip(created),
    strip(await call('enterprises.create', enterpriseInput(1))),
    strip(await call('enterprises.create', { ...enterpriseInput(2), contact: { name: '王', mobile: '12345' } })),
    strip(await call('enterprises.get', { id })),
    strip(await call('enterprises.list', { query: enterpriseInput(1).name.slice(0, 2) })),
    strip(await call('no.such', {})),
  ];
}

/** Ids and times differ between runs; everything else must not. */
const strip = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (key, v) => (['id', 'existingId', 'createdAt', 'updatedAt'].includes(key) ? '…' : v));

describe('transports', () => {
  it('memory and HTTP give the same answers', async () => {
    const memory = start();
    const viaMemory = await script((name, input) => memory.transport.invoke(name as never, input as never));
    const t = start();
    const server = await startHttpServer(t.backend);
    try {
      const viaHttp = await script(async (name, input) => {
        const response = await fetch(`${server.url}/api/${name}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        return (await response.json()) as Result<unknown>;
      });
      expect(viaHttp).toEqual(viaMemory);
      expect((viaMemory as Result<unknown>[]).map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
        'ok',
        'enterprise.duplicate_credit_code',
        'invalid_input',
        'ok',
        'ok',
        'unknown_procedure',
      ]);
    } finally {
      await server.close();
    }
  });

  it("memory: the caller's objects are copied, as over IPC or HTTP", async () => {
    const t = start();
    const input = enterpriseInput(3);
    const created = await t.transport.invoke('enterprises.create', input);
    input.name = 'changed by the caller afterwards';
    expect(created.ok && created.value.name).toBe(enterpriseInput(3).name);
  });

  it('the utilityProcess port says ready, answers by id and forwards events', async () => {
    const t = start();
    const sent: BackendToMain[] = [];
    let deliver: (message: { data: unknown }) => void = () => undefined;
    const processWithPort = process as unknown as { parentPort?: unknown };
    processWithPort.parentPort = {
      postMessage: (m: BackendToMain) => sent.push(m),
      on: (_: string, listener: typeof deliver) => (deliver = listener),
    };
    try {
      serveParentPort(t.backend);
    } finally {
      delete processWithPort.parentPort;
    }
    expect(sent[0]).toEqual({ type: 'ready' });
    deliver({ data: { type: 'invoke', id: 41, name: 'enterprises.create', input: enterpriseInput(4) } });
    deliver({ data: { type: 'invoke', id: 42, name: 'no.such', input: {} } });
    await expect.poll(() => sent.filter((m) => m.type === 'result').length).toBe(2);
    const results = sent.filter((m): m is Extract<BackendToMain, { type: 'result' }> => m.type === 'result');
    expect(results.find((m) => m.id === 41)!.result).toMatchObject({ ok: true, value: { name: enterpriseInput(4).name } });
    expect(results.find((m) => m.id === 42)!.result).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
    expect(sent).toContainEqual({ type: 'event', event: 'data.changed', payload: { entity: 'enterprise', id: expect.any(String) } });
  });
});
