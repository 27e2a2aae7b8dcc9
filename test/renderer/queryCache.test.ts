/**
 * The renderer's query cache against a real backend: a change event makes exactly the answers
 * that read the changed entity stale (the contract's `reads`), and those on screen are read
 * again; answers about other entities are left alone.
 */
import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Transport } from '../../shared/api';
import { setTransport } from '../../renderer/src/api/client';
import { apiQuery, connectCacheToEvents, createQueryClient } from '../../renderer/src/api/queryCache';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';

/** The window's transport, noting each procedure the window asks for. */
function counting(transport: Transport, calls: string[]): Transport {
  return { invoke: (name, input) => (calls.push(name), transport.invoke(name, input)), on: transport.on };
}

/** A query as a page on screen holds it (an active observer). */
function onScreen<T>(client: QueryClient, query: { queryKey: readonly unknown[]; queryFn: () => Promise<T> }) {
  const observer = new QueryObserver(client, query);
  const stop = observer.subscribe(() => undefined);
  return { current: () => observer.getCurrentResult(), stop };
}

describe('the query cache (in-memory transport, real backend)', () => {
  let backend: TestBackend;
  let client: QueryClient;
  let disconnect: () => void;
  const calls: string[] = [];
  beforeEach(async () => {
    backend = createTestBackend();
    await backend.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
    calls.length = 0;
    setTransport(counting(backend.transport, calls));
    client = createQueryClient();
    disconnect = connectCacheToEvents(client);
  });
  afterEach(() => {
    disconnect();
    client.clear();
    backend.cleanup();
  });

  it('re-reads the answers that read a changed entity, and only those', async () => {
    const list = onScreen(client, apiQuery('enterprises.list', {}));
    const site = onScreen(client, apiQuery('sites.getForEnterprise', { enterpriseId: 'none' }));
    await waitFor(() => expect(list.current().data?.total).toBe(0));
    await waitFor(() => expect(site.current().data).toBeNull());
    calls.length = 0;

    // Another window (or the CLI) registers an enterprise: this window hears only the event.
    await backend.call('enterprises.create', jinanEnterprise(1));
    await waitFor(() => expect(list.current().data?.total).toBe(1));
    expect(calls).toEqual(['enterprises.list']);

    // An answer no one shows is marked stale and read when it is shown again, not before.
    list.stop();
    await backend.call('enterprises.create', jinanEnterprise(2));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls).toEqual(['enterprises.list']);
    expect(client.getQueryState(apiQuery('enterprises.list', {}).queryKey)?.isInvalidated).toBe(true);
    site.stop();
  });
});
