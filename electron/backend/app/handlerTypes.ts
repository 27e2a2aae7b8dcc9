import type { Contract, Output, ParsedInput, ProcedureName } from '../../../shared/api';
import type { ReadContext, WriteContext } from './context';

/** A mutation that holds the write queue gets a writable connection; queries and stepped mutations do not. */
export type ContextOf<N extends ProcedureName> = Contract[N] extends { writesInSteps: true }
  ? ReadContext
  : Contract[N]['kind'] extends 'mutation'
    ? WriteContext
    : ReadContext;

export type Handler<N extends ProcedureName> = (input: ParsedInput<N>, ctx: ContextOf<N>) => Output<N> | Promise<Output<N>>;
export type HandlerTable = { [N in ProcedureName]: Handler<N> };

/** Declares one domain's handlers, typed by the contract (`satisfies` keeps the names checked). */
export const defineHandlers = <T extends Partial<HandlerTable>>(handlers: T): T => handlers;
