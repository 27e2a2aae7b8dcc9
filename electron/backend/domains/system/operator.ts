/** The operator profile (who works on this machine), named in audit trails and documents. */
import type { Operator } from '../../../../shared/api/system';
import type { WriteContext } from '../../app/context';
import { saveOperator } from './repository';

export const setOperator = (ctx: WriteContext, operator: Operator): Operator => saveOperator(ctx.db, operator);
