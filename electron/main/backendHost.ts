/**
 * Main's side of the backend: forks it as a utilityProcess, relays calls by id, forwards its events,
 * and — if it dies — answers every pending call with `backend_unavailable` instead of hanging,
 * then starts it again.
 */
import { utilityProcess, type UtilityProcess } from 'electron';
import type { Result } from '../../shared/api/result';
import type { BackendToMain, MainToBackend } from '../backend/transports/utilityProcess';
import type { VaultReply, VaultRequest } from '../backend/domains/auth/parentPortCipher';

/** The OS keychain (Electron's safeStorage), offered to the backend for the platform tokens. */
export interface Keychain {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

export interface BackendHostOptions {
  entry: string;
  dataDir: string;
  onEvent(event: string, payload: unknown): void;
  onExit?(code: number): void;
  /** Restart after an unexpected exit (default true). */
  restart?: boolean;
  /** When present, the backend keeps its tokens sealed by it (`--keychain`), else in a 0600 file. */
  keychain?: Keychain;
}

export class BackendHost {
  private child: UtilityProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private stopping = false;

  constructor(private readonly options: BackendHostOptions) {}

  start(): void {
    const args = [`--data-dir=${this.options.dataDir}`, ...(this.options.keychain ? ['--keychain'] : [])];
    const child = utilityProcess.fork(this.options.entry, args, { serviceName: 'EC Workbench backend', stdio: 'inherit' });
    child.on('message', (message: BackendToMain | VaultRequest) => this.receive(message));
    child.on('exit', (code) => this.exited(code));
    this.child = child;
  }

  invoke(name: string, input: unknown): Promise<Result<unknown>> {
    if (!this.child) return Promise.resolve(unavailable('The backend is not running.'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child!.postMessage({ type: 'invoke', id, name, input } satisfies MainToBackend);
    });
  }

  stop(): void {
    this.stopping = true;
    this.child?.kill();
  }

  private receive(message: BackendToMain | VaultRequest): void {
    if (message.type === 'vault') {
      this.child?.postMessage(this.answerVault(message));
    } else if (message.type === 'result') {
      this.pending.get(message.id)?.(message.result as Result<unknown>);
      this.pending.delete(message.id);
    } else if (message.type === 'event') {
      this.options.onEvent(message.event, message.payload);
    }
  }

  private answerVault(request: VaultRequest): VaultReply {
    const keychain = this.options.keychain;
    if (!keychain) return { type: 'vault-result', id: request.id, ok: false, error: 'no keychain' };
    try {
      const data = request.op === 'encrypt' ? keychain.encrypt(request.data) : keychain.decrypt(request.data);
      return { type: 'vault-result', id: request.id, ok: true, data };
    } catch (error) {
      return { type: 'vault-result', id: request.id, ok: false, error: (error as Error).message };
    }
  }

  private exited(code: number): void {
    this.child = null;
    for (const resolve of this.pending.values())
      resolve(unavailable(`The backend stopped (exit code ${code}); the last action may not have been saved.`));
    this.pending.clear();
    this.options.onExit?.(code);
    if (!this.stopping && this.options.restart !== false) this.start();
  }
}

const unavailable = (message: string): Result<never> => ({ ok: false, error: { code: 'backend_unavailable', message } });
