/** An enterprise's stored documents: the list, and one read whole as base64 (they are a few hundred KB). */
import type { ReadContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { hasAssetFile, readAsset } from '../assets/store';
import { documentsOfEnterprise, findDocument, toDocument } from './repository';

export const listDocuments = (ctx: ReadContext, enterpriseId: string) => documentsOfEnterprise(ctx.db, enterpriseId);

export function readDocument(ctx: ReadContext, id: string) {
  const row = findDocument(ctx.db, id);
  if (!row) throw new AppError('document.not_found', `No document with id ${id}.`, { details: { id } });
  if (!hasAssetFile(ctx.dataDir, row.sha256))
    throw new AppError('document.file_missing', `The file of document ${id} is missing from the asset store.`, { details: { id, sha256: row.sha256 } });
  return { ...toDocument(row), base64: readAsset(ctx.dataDir, row.sha256).toString('base64') };
}
