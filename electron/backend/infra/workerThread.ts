/**
 * Work that would hold up the dispatcher (converting documents, OCR) runs in worker threads. A
 * `WorkerClient` starts its worker on first use and answers requests by id; a worker that dies
 * fails what it was doing and is started again for the next request. In the packaged app the worker
 * is the bundled `.cjs` beside the backend (scripts/build-electron.mjs); from source it runs the
 * `.ts` file through tsx. `serveRequests` is the worker's side.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';

type Request<T> = { id: number; payload: T };
type Response<T> = { id: number; ok: true; value: T } | { id: number; ok: false; message: string };

export interface WorkerLocation {
  /** The bundled worker, e.g. `new URL('./readWorker.cjs', import.meta.url)`. */
  bundled: URL;
  /** Its TypeScript source, e.g. `new URL('./readWorker.ts', import.meta.url)`. */
  source: URL;
  name: string;
  resourceLimits?: ResourceLimits;
}

export class WorkerClient<Req, Res> {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: Res): void; reject(error: Error): void }>();

  constructor(private readonly location: WorkerLocation) {}

  private create(): Worker {
    const { bundled, source, resourceLimits, name } = this.location;
    const options = { name, ...(resourceLimits ? { resourceLimits } : {}) };
    if (existsSync(fileURLToPath(bundled))) return new Worker(bundled, options);
    return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); });`, {
      ...options,
      eval: true,
    });
  }

  private failAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
    this.worker = undefined;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const created = this.create();
    created.unref(); // never keeps the CLI or a test process alive while idle
    created.on('message', (response: Response<Res>) => {
      const waiting = this.pending.get(response.id);
      this.pending.delete(response.id);
      if (!waiting) return;
      if (response.ok) waiting.resolve(response.value);
      else waiting.reject(new Error(response.message));
      if (this.pending.size === 0) created.unref();
    });
    created.on('error', (error) => this.failAll(error));
    created.on('exit', (code) => this.failAll(new Error(`the ${this.location.name} worker stopped (exit code ${code})`)));
    this.worker = created;
    return created;
  }

  /** Sends one request; `transfer` hands buffers over without a copy (they are unusable here afterwards). */
  request(payload: Req, transfer: Transferable[] = []): Promise<Res> {
    const target = this.started();
    const id = this.nextId++;
    return new Promise<Res>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      target.ref(); // an answer is awaited: keep the process alive until it comes
      target.postMessage({ id, payload } satisfies Request<Req>, transfer);
    });
  }

  async stop(): Promise<void> {
    const current = this.worker;
    this.worker = undefined;
    if (current) await current.terminate();
  }
}

/** The worker's side: answers each request with `handle`'s result, in the order they finish. */
export function serveRequests<Req, Res>(
  handle: (payload: Req) => Promise<Res>,
  transferOf: (value: Res) => Transferable[] = () => [],
): void {
  parentPort?.on('message', (request: Request<Req>) => {
    handle(request.payload).then(
      (value) => parentPort!.postMessage({ id: request.id, ok: true, value } satisfies Response<Res>, transferOf(value)),
      (error: Error) =>
        parentPort!.postMessage({ id: request.id, ok: false, message: error.stack ?? String(error) } satisfies Response<Res>),
    );
  });
}
