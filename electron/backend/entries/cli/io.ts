/** What a CLI command gets: parsed global flags, output helpers, and a lazily started backend. */
import type { Transport } from '../../../../shared/api';
import type { Result } from '../../../../shared/api/result';
import { startBackend, type Backend } from '../../app/backend';
import { defaultDataDir } from '../../infra/dataDir';
import { createMemoryTransport } from '../../transports/memory';

export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface CliIO {
  json: boolean;
  dataDir: string | undefined;
  /** Prints `value` as JSON with --json, else the human text. */
  print(value: unknown, human: string): void;
  /** The backend for this data dir, started on first use (in-memory transport). */
  transport(): Transport;
  backend(): Backend;
  /** Unwraps a procedure result or throws a CliError carrying its code. */
  unwrap<T>(result: Result<T>): T;
  close(): void;
}

export function createCliIO(flags: { json: boolean; dataDir?: string }, write: (s: string) => void = (s) => void process.stdout.write(s)): CliIO {
  let backend: Backend | undefined;
  const start = () => {
    if (!backend) {
      backend = startBackend({ dataDir: flags.dataDir ?? defaultDataDir() });
      const problem = backend.problem();
      if (problem) throw new CliError(problem.code, problem.message);
    }
    return backend;
  };
  return {
    json: flags.json,
    dataDir: flags.dataDir,
    print: (value, human) => write(flags.json ? `${JSON.stringify(value)}\n` : `${human}\n`),
    backend: start,
    transport: () => createMemoryTransport(start()),
    unwrap: (result) => {
      if (result.ok) return result.value;
      const issues = result.error.issues?.map((i) => `\n  ${i.field}: ${i.code}`).join('') ?? '';
      throw new CliError(result.error.code, `${result.error.message}${issues}`);
    },
    close: () => backend?.close(),
  };
}
