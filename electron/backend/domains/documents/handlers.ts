import { defineHandlers } from '../../app/handlerTypes';
import { documentFile, getDocument, listDocuments, readDocument } from './service';

/** The enterprise's stored documents. */
export const documentHandlers = defineHandlers({
  'documents.listForEnterprise': ({ enterpriseId }, ctx) => listDocuments(ctx, enterpriseId),
  'documents.get': ({ id }, ctx) => getDocument(ctx, id),
  'documents.read': ({ id }, ctx) => readDocument(ctx, id),
  'files.document': ({ id }, ctx) => documentFile(ctx, id),
});
