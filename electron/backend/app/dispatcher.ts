/**
 * The one dispatcher every transport calls: unknown name → error, input parsed with its schema,
 * mutations run holding the write queue (one at a time), every outcome returned as data
 * (`{ ok, value } | { ok, error }`).
 */
import type { z } from 'zod';
import { contract, isProcedureName, type ApiError, type Result } from '../../../shared/api';
import { CommonErrors } from '../../../shared/api/result';
import type { WriteQueue } from '../infra/db/writeQueue';
import type { ContextWithoutDatabase, ReadContext } from './context';
import { AppError } from './errors';
import type { HandlerTable } from './handlerTypes';

export interface Dispatcher {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
}

export interface DispatcherOptions {
  handlers: HandlerTable;
  /** The context, or the reason there is none (the database could not be opened). */
  context: () => ReadContext | { unavailable: ApiError; partial: ContextWithoutDatabase };
  writes: WriteQueue;
  /** Check every output against its schema: set by each host (on in tests, off in the shipped app). */
  checkOutputs: boolean;
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
  async function run(name: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!isProcedureName(name))
      return { ok: false, error: { code: CommonErrors.unknownProcedure, message: `No procedure named "${name}".` } };
    const procedure: (typeof contract)[keyof typeof contract] = contract[name];
    const ctx = options.context();
    if ('unavailable' in ctx && !procedure.worksWithoutDatabase) return { ok: false, error: ctx.unavailable };
    const parsed = procedure.input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: inputError(parsed.error) };
    // The table is typed per procedure; here the name is only known at run time.
    const handler = options.handlers[name] as (input: unknown, ctx: unknown) => unknown;
    let value: unknown;
    if ('unavailable' in ctx)
      value = await handler(parsed.data, ctx.partial); // no database, nothing to write to
    else if (procedure.kind === 'mutation' && !('writesInSteps' in procedure))
      value = await options.writes.hold((db) => handler(parsed.data, { ...ctx, db }));
    else value = await handler(parsed.data, ctx);
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
