import type { Output, ParsedInput, ProcedureName } from '../../../shared/api';
import type { BackendContext } from './context';

export type Handler<N extends ProcedureName> = (input: ParsedInput<N>, ctx: BackendContext) => Output<N> | Promise<Output<N>>;
export type HandlerTable = { [N in ProcedureName]: Handler<N> };

/** Declares one domain's handlers, typed by the contract (`satisfies` keeps the names checked). */
export const defineHandlers = <T extends Partial<HandlerTable>>(handlers: T): T => handlers;
