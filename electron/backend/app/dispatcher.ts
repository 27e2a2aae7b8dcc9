/**
 * The one dispatcher every transport calls: unknown name → error, input parsed with its schema,
 * mutations serialized, every outcome returned as data (`{ ok, value } | { ok, error }`).
 */
import type { z } from 'zod';
import { contract, isProcedureName, type ApiError, type Result } from '../../../shared/api';
import { CommonErrors } from '../../../shared/api/result';
import type { BackendContext } from './context';
import { AppError } from './errors';
import type { HandlerTable } from './handlerTypes';

export interface Dispatcher {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
}

export interface DispatcherOptions {
  handlers: HandlerTable;
  /** The context, or the reason there is none (the database could not be opened). */
  context: () => BackendContext | { unavailable: ApiError; partial: Omit<BackendContext, 'db'> };
  /** Check every output against its schema (on in tests and development). */
  checkOutputs?: boolean;
  log?: (message: string, error: unknown) => void;
}

export function inputError(error: z.ZodError): ApiError {
  const issues = error.issues.map((issue) => ({ field: issue.path.join('.'), code: issue.message, message: issue.message }));
  return {
    code: CommonErrors.invalidInput,
    message: `Invalid input: ${issues.map((i) => `${i.field || '(input)'}: ${i.code}`).join('; ')}`,
    ...(issues[0]?.field ? { field: issues[0].field } : {}),
    issues,
  };
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  let writes: Promise<unknown> = Promise.resolve();
  const serialize = <T>(work: () => Promise<T>): Promise<T> => {
    const next = writes.then(work, work);
    writes = next.catch(() => undefined);
    return next;
  };

  async function run(name: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!isProcedureName(name)) return { ok: false, error: { code: CommonErrors.unknownProcedure, message: `No procedure named "${name}".` } };
    const procedure = contract[name];
    const ctx = options.context();
    if ('unavailable' in ctx && !procedure.worksWithoutDatabase) return { ok: false, error: ctx.unavailable };
    const parsed = procedure.input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: inputError(parsed.error) };
    const handler = options.handlers[name] as (input: unknown, ctx: unknown) => unknown;
    const call = async () => handler(parsed.data, 'unavailable' in ctx ? ctx.partial : ctx);
    const value = procedure.kind === 'mutation' ? await serialize(call) : await call();
    if (options.checkOutputs) {
      const checked = procedure.output.safeParse(value);
      if (!checked.success) throw new Error(`Output of ${name} does not match its schema: ${checked.error.message}`);
    }
    return { ok: true, value };
  }

  return {
    async invoke(name, input) {
      try {
        return await run(name, input);
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toApiError() };
        options.log?.(`procedure ${name} failed`, error);
        return { ok: false, error: { code: CommonErrors.internal, message: 'An internal error occurred; details are in the log.' } };
      }
    },
  };
}
