import { normalizeCreditCode } from '../../../../shared/domain/creditCode';
import { auditTrail } from '../audit/repository';
import { defineHandlers } from '../../app/handlerTypes';
import { listRows, newestPage } from './repository';
import { createEnterprise, getEnterprise, searchIndex, statements, updateEnterprise } from './service';

export const enterpriseHandlers = defineHandlers({
  'enterprises.create': (input, ctx) => createEnterprise(ctx, input),
  'enterprises.update': ({ id, fields }, ctx) => updateEnterprise(ctx, id, fields),
  'enterprises.get': ({ id }, ctx) => getEnterprise(ctx, id),
  'enterprises.list': ({ query, offset, limit }, ctx) => {
    const { total, ids } = query?.trim() ? searchIndex(ctx.db).search(query, offset, limit) : newestPage(ctx.db, offset, limit);
    return { total, rows: listRows(ctx.db, ids) };
  },
  'enterprises.findByCreditCode': ({ creditCode, excludeId }, ctx) => {
    const found = statements(ctx.db).byCreditCode.get(normalizeCreditCode(creditCode));
    return found && found.id !== excludeId ? found : null;
  },
  'enterprises.audit': ({ id }, ctx) => auditTrail(ctx, 'enterprise', id),
});
