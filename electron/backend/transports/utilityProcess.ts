/**
 * The Electron transport, backend side: this process is an Electron utilityProcess; main relays
 * the renderer's calls over `process.parentPort`. Messages:
 *   main → backend  { type: 'invoke', id, name, input }
 *   backend → main  { type: 'result', id, result } | { type: 'event', event, payload } | { type: 'ready' }
 * `process.parentPort` is typed here by hand so this file never imports electron.
 */
import type { Backend } from '../app/backend';

interface ParentPort {
  on(event: 'message', listener: (message: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export type MainToBackend = { type: 'invoke'; id: number; name: string; input: unknown };
export type BackendToMain =
  { type: 'result'; id: number; result: unknown } | { type: 'event'; event: string; payload: unknown } | { type: 'ready' };

export function serveParentPort(backend: Backend): void {
  const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (!port) throw new Error('Not running in an Electron utilityProcess (no process.parentPort).');
  const send = (message: BackendToMain) => port.postMessage(message);
  backend.onAny((event, payload) => send({ type: 'event', event, payload }));
  port.on('message', ({ data }) => {
    const message = data as MainToBackend;
    if (message?.type !== 'invoke') return;
    void backend.dispatcher.invoke(message.name, message.input).then((result) => send({ type: 'result', id: message.id, result }));
  });
  send({ type: 'ready' });
}
