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

/** How a command that syncs wants the backend (the first command to start it decides). */
export interface CliBackendOptions {
  /** Rows per pull request (`ecw sync --page-size N`). */
  pullLimit?: number;
}

export interface CliIO {
  json: boolean;
  dataDir: string | undefined;
  /** Prints `value` as JSON with --json, else the human text. */
  print(value: unknown, human: string): void;
  /** The backend for this data dir, started on first use (in-memory transport). */
  transport(options?: CliBackendOptions): Transport;
  backend(options?: CliBackendOptions): Backend;
  /** Unwraps a procedure result or throws a CliError carrying its code. */
  unwrap<T>(result: Result<T>): T;
  close(): void;
}

/** One `ecw` command: the words that select it, its usage line, and what it does. */
export interface CliCommand {
  /** The words that select it: ['enterprise', 'create']. */
  path: string[];
  usage: string;
  /** Receives the words after the path (flags included) and prints through `io`. */
  run(args: string[], io: CliIO): void | Promise<void>;
}

export function createCliIO(
  flags: { json: boolean; dataDir?: string },
  write: (s: string) => void = (s) => void process.stdout.write(s),
): CliIO {
  let backend: Backend | undefined;
  const start = (options: CliBackendOptions = {}) => {
    if (!backend) {
      // One command and out: no sync timers or change triggers, no output checks (the shipped tool).
      backend = startBackend({
        dataDir: flags.dataDir ?? defaultDataDir(),
        checkOutputs: false,
        sync: { autoSync: false, ...(options.pullLimit ? { pullLimit: options.pullLimit } : {}) },
      });
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
    transport: (options) => createMemoryTransport(start(options)),
    unwrap: (result) => {
      if (result.ok) return result.value;
      const issues = result.error.issues?.map((i) => `\n  ${i.field}: ${i.code}`).join('') ?? '';
      throw new CliError(result.error.code, `${result.error.message}${issues}`);
    },
    close: () => backend?.close(),
  };
}
