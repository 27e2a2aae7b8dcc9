import { AppError } from '../../app/errors';
import { defineHandlers } from '../../app/handlerTypes';
import { hasAssetFile, readAsset } from '../assets/store';
import { documentStatements, toDocument } from './repository';

/** The enterprise's stored documents: listed by enterprise, read whole as base64 (they are a few hundred KB). */
export const documentHandlers = defineHandlers({
  'documents.listForEnterprise': ({ enterpriseId }, ctx) => documentStatements(ctx.db).forEnterprise.all(enterpriseId).map(toDocument),
  'documents.read': ({ id }, ctx) => {
    const row = documentStatements(ctx.db).byId.get(id);
    if (!row) throw new AppError('document.not_found', `No document with id ${id}.`, { details: { id } });
    if (!hasAssetFile(ctx.dataDir, row.sha256))
      throw new AppError('document.file_missing', `The file of document ${id} is missing from the asset store.`, { details: { id, sha256: row.sha256 } });
    return { ...toDocument(row), base64: readAsset(ctx.dataDir, row.sha256).toString('base64') };
  },
});
