/**
 * The dispatcher's side of the read worker (readWorker.ts): documents are converted and structured
 * there, so a large Word file or PDF never holds up other requests. A document that makes the
 * worker run out of memory is reported as too large; the worker starts again for the next one.
 */
import { WorkerClient } from '../../infra/workerThread';
import type { ReadOutput, ReadRequest } from './readFile';
import { emptyReadOutput } from './readOutput';

/** A worker's heap beyond this is a document no customer meant to send (a zip bomb, a 10,000-page PDF). */
const MAX_WORKER_HEAP_MB = 1536;

const client = new WorkerClient<ReadRequest, ReadOutput>({
  name: 'document reader',
  bundled: new URL('./readWorker.cjs', import.meta.url),
  source: new URL('./readWorker.ts', import.meta.url),
  resourceLimits: { maxOldGenerationSizeMb: MAX_WORKER_HEAP_MB },
});

/** Reads a document in the worker (its bytes are copied once and the copy handed over, never a shared buffer pool). */
export async function readInWorker(request: ReadRequest): Promise<ReadOutput> {
  const own = 'bytes' in request ? { ...request, bytes: new Uint8Array(request.bytes) } : request;
  try {
    return await client.request(own, 'bytes' in own ? [own.bytes.buffer] : []);
  } catch (error) {
    const message = (error as Error).message;
    const exhausted = /ERR_WORKER_OUT_OF_MEMORY|out of memory|exit code/i.test(message);
    return emptyReadOutput([
      exhausted
        ? {
            file: request.file,
            code: 'intake.file_too_large',
            message: 'Reading this file took more memory than a document may: it is damaged or far too large. Split it or save it again.',
          }
        : { file: request.file, code: 'intake.read_failed', message: `The file could not be read (${message.split('\n')[0]}).` },
    ]);
  }
}

/** Stops the worker (tests, shutdown); the next request starts a new one. */
export const stopReadWorker = () => client.stop();
