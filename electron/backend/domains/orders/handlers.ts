import { documentHandlers } from '../documents/handlers';
import { defineHandlers } from '../../app/handlerTypes';
import { createOrder, currentPlanView, discardDraft, getOrder, listOrders, quoteForPlan, signOrder, submitOrder } from './service';

/** Orders, quotes and the enterprise's documents (issue 2). */
export const orderHandlers = defineHandlers({
  'orders.quote': (input, ctx) => quoteForPlan(ctx, input),
  'orders.create': (input, ctx) => createOrder(ctx, input),
  'orders.get': ({ id }, ctx) => getOrder(ctx, id),
  'orders.listForEnterprise': ({ enterpriseId }, ctx) => listOrders(ctx, enterpriseId),
  'orders.currentPlan': ({ enterpriseId }, ctx) => currentPlanView(ctx, enterpriseId),
  'orders.sign': (input, ctx) => signOrder(ctx, input),
  'orders.submit': ({ id }, ctx) => submitOrder(ctx, id),
  'orders.discardDraft': ({ id }, ctx) => discardDraft(ctx, id),
  ...documentHandlers,
});
