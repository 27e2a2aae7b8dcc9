/** The renderer's API client: typed by the contract, throwing an ApiCallError with the backend's code. */
import type { Input, Output, ProcedureName, Transport } from '../../../shared/api';
import type { ApiError, EventName, EventPayload } from '../../../shared/api';
import { filePath, type FileName } from '../../../shared/api/files';
import { pickTransport } from './transports';

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
  get code() {
    return this.error.code;
  }
}

let transport: Transport | null = null;

/** Tests install the in-memory transport here before rendering. */
export function setTransport(next: Transport): void {
  transport = next;
}

const current = () => (transport ??= pickTransport());

export async function call<N extends ProcedureName>(name: N, input: Input<N>): Promise<Output<N>> {
  const result = await current().invoke(name, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return current().on(event, listener);
}

/** The address a file loads from (`<img src>`, a frame, a download): app:// in Electron, the local server in browser mode. */
export const fileUrl = <N extends FileName>(name: N, input: Input<N>): string => current().fileUrl?.(name, input) ?? filePath(name, input);
