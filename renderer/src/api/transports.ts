/**
 * The renderer's two transports to the one backend contract:
 * - Electron: the preload's frozen `window.ecw` (invoke/on over IPC; files' bytes come as bytes),
 *   files by address at app://ui/api/files/… (the default address, `filePath`'s);
 * - browser mode: `POST /api/<name>` with the per-run token, events over SSE, files by address at
 *   `/api/files/…?token=` (also how a file procedure is invoked).
 */
import type { Transport } from '../../../shared/api';
import { fileBodyOf, filePath, isFileName } from '../../../shared/api/files';
import type { Result } from '../../../shared/api/result';

interface Bridge {
  invoke(name: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    ecw?: Bridge;
  }
}

const TOKEN_KEY = 'ecw.token';

function ipcTransport(bridge: Bridge): Transport {
  return {
    invoke: (name, input) => bridge.invoke(name, input) as Promise<never>,
    on: (event, listener) => bridge.on(event, listener as (payload: unknown) => void),
  };
}

/** Takes the token from `?token=` once (then hides it from the address bar), else from this tab's storage. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const unreachable = (error: unknown) =>
  ({ ok: false, error: { code: 'backend_unavailable', message: String(error) } }) satisfies Result<never>;

/** A file procedure over HTTP: its address, read as bytes. */
async function readFileAt(url: string): Promise<Result<unknown>> {
  const response = await fetch(url);
  if (!response.ok) return (await response.json()) as Result<never>;
  return { ok: true, value: fileBodyOf(new Uint8Array(await response.arrayBuffer()), (name) => response.headers.get(name)) };
}

function httpTransport(token: string): Transport {
  const fileUrl = (name: Parameters<typeof filePath>[0], input: Parameters<typeof filePath>[1]) =>
    `${filePath(name, input)}&token=${encodeURIComponent(token)}`;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  const connect = () => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = null;
    for (const event of listeners.keys()) attach(event);
  };
  const attached = new Set<string>();
  const attach = (event: string) => {
    if (!source || attached.has(event)) return;
    attached.add(event);
    source.addEventListener(event, (e) => {
      const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  };
  return {
    fileUrl,
    async invoke(name, input) {
      try {
        if (isFileName(name)) return (await readFileAt(fileUrl(name, input as never))) as never;
        const response = await fetch(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
        const result = (await response.json()) as Result<never>;
        // Say which: the page was opened without its address's token, or with one from before a restart.
        if (response.status === 401 && !result.ok)
          return { ok: false, error: { ...result.error, details: { reason: token ? 'token_rejected' : 'token_missing' } } } as never;
        return result as never;
      } catch (error) {
        return unreachable(error) as never;
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: unknown) => void);
      connect();
      attach(event);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}

export function pickTransport(): Transport {
  return window.ecw ? ipcTransport(window.ecw) : httpTransport(browserToken());
}
