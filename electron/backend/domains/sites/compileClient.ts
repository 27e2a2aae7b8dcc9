/**
 * The dispatcher's side of the compile worker (compileWorker.ts): one worker, started on first use,
 * requests answered in order. In the packaged app the worker is the bundled compileWorker.cjs beside
 * the backend; from source it runs the .ts file through tsx.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompileRequest, CompileResponse } from './compileWorker';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve(json: string): void; reject(error: Error): void }>();

/** The bundled worker beside the packaged backend, or the .ts source loaded through tsx's loader. */
function createWorker(): Worker {
  const bundled = new URL('./compileWorker.cjs', import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return new Worker(bundled);
  const source = new URL('./compileWorker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`, {
    eval: true,
  });
}

function failAll(error: Error): void {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
  worker = undefined;
}

function started(): Worker {
  if (worker) return worker;
  const created = createWorker();
  created.unref(); // never keeps the CLI or a test process alive
  created.on('message', (response: CompileResponse) => {
    const waiting = pending.get(response.id);
    pending.delete(response.id);
    if (!waiting) return;
    if (response.ok) waiting.resolve(response.json);
    else waiting.reject(new Error(`site compile failed: ${response.message}`));
    if (pending.size === 0) created.unref();
  });
  created.on('error', (error) => failAll(error));
  created.on('exit', (code) => failAll(new Error(`the site compile worker stopped (exit code ${code})`)));
  worker = created;
  return created;
}

/** Sends one compile to the worker; resolves with its answer, parsed. */
export function compileInWorker<T>(request: Omit<CompileRequest, 'id'>): Promise<T> {
  const target = started();
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: (json) => resolve(JSON.parse(json) as T), reject });
    target.ref(); // an answer is awaited: keep the process alive until it comes
    target.postMessage({ ...request, id } satisfies CompileRequest);
  });
}

/** Stops the worker (tests, shutdown). */
export async function stopCompileWorker(): Promise<void> {
  const current = worker;
  worker = undefined;
  if (current) await current.terminate();
}
