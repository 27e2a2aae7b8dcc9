/**
 * The OS keychain for the token vault in Electron. The backend runs in a utilityProcess and never
 * imports electron, so it asks main over `process.parentPort`:
 *   backend → main  { type: 'vault', id, op: 'encrypt' | 'decrypt', data }      (data: text, or base64 of sealed bytes)
 *   main → backend  { type: 'vault-result', id, ok: true, data } | { type: 'vault-result', id, ok: false, error }
 * Main answers with `safeStorage.encryptString(data).toString('base64')` and
 * `safeStorage.decryptString(Buffer.from(data, 'base64'))`. Used only when main said the keychain
 * works (`safeStorage.isEncryptionAvailable()`); otherwise the backend keeps the 0600 file vault.
 */
import type { SecretCipher } from './tokenVault';

export interface VaultRequest {
  type: 'vault';
  id: number;
  op: 'encrypt' | 'decrypt';
  data: string;
}

export type VaultReply =
  { type: 'vault-result'; id: number; ok: true; data: string } | { type: 'vault-result'; id: number; ok: false; error: string };

export interface MessagePortLike {
  on(event: 'message', listener: (message: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const TIMEOUT_MS = 10_000;

export function parentPortCipher(
  port: MessagePortLike | undefined = (process as unknown as { parentPort?: MessagePortLike }).parentPort,
): SecretCipher {
  if (!port) throw new Error('The keychain vault needs Electron main (no process.parentPort).');
  let nextId = 1;
  const waiting = new Map<number, { resolve: (data: string) => void; reject: (error: Error) => void }>();
  port.on('message', ({ data }) => {
    const reply = data as VaultReply;
    if (reply?.type !== 'vault-result') return;
    const entry = waiting.get(reply.id);
    if (!entry) return;
    waiting.delete(reply.id);
    if (reply.ok) entry.resolve(reply.data);
    else entry.reject(new Error(`keychain: ${reply.error}`));
  });
  const ask = (op: VaultRequest['op'], data: string) =>
    new Promise<string>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('keychain: main did not answer'));
      }, TIMEOUT_MS);
      timer.unref();
      waiting.set(id, {
        resolve: (value) => (clearTimeout(timer), resolve(value)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      port.postMessage({ type: 'vault', id, op, data } satisfies VaultRequest);
    });
  return { encrypt: (plain) => ask('encrypt', plain), decrypt: (sealed) => ask('decrypt', sealed) };
}
