import { defineHandlers } from '../../app/handlerTypes';
import { createEnterprise, enterpriseAudit, findByCreditCode, getEnterprise, listEnterprises, updateEnterprise } from './service';

export const enterpriseHandlers = defineHandlers({
  'enterprises.create': (input, ctx) => createEnterprise(ctx, input),
  'enterprises.update': ({ id, fields }, ctx) => updateEnterprise(ctx, id, fields),
  'enterprises.get': ({ id }, ctx) => getEnterprise(ctx, id),
  'enterprises.list': (input, ctx) => listEnterprises(ctx, input),
  'enterprises.findByCreditCode': ({ creditCode, excludeId }, ctx) => findByCreditCode(ctx, creditCode, excludeId),
  'enterprises.audit': ({ id }, ctx) => enterpriseAudit(ctx, id),
});
