import { defineHandlers } from '../handlerTypes';
import { AppError } from '../errors';

const todo = (): never => {
  throw new AppError('not_implemented', 'Not implemented yet.');
};

/** Orders, quotes and documents (issue 2). */
export const orderHandlers = defineHandlers({
  'orders.quote': todo,
  'orders.create': todo,
  'orders.get': todo,
  'orders.listForEnterprise': todo,
  'orders.sign': todo,
  'orders.submit': todo,
  'orders.discardDraft': todo,
  'documents.listForEnterprise': todo,
  'documents.read': todo,
});
