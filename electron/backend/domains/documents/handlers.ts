import { defineHandlers } from '../../app/handlerTypes';
import { documentsOfEnterprise } from './repository';
import { readDocument } from './service';

/** The enterprise's stored documents. */
export const documentHandlers = defineHandlers({
  'documents.listForEnterprise': ({ enterpriseId }, ctx) => documentsOfEnterprise(ctx.db, enterpriseId),
  'documents.read': ({ id }, ctx) => readDocument(ctx, id),
});
