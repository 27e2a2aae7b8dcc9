import { defineHandlers } from '../../app/handlerTypes';
import { listDocuments, readDocument } from './service';

/** The enterprise's stored documents. */
export const documentHandlers = defineHandlers({
  'documents.listForEnterprise': ({ enterpriseId }, ctx) => listDocuments(ctx, enterpriseId),
  'documents.read': ({ id }, ctx) => readDocument(ctx, id),
});
