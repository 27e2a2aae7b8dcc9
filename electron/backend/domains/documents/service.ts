/**
 * An enterprise's stored documents: the list, one document's facts, its file by address (the
 * window's frame and download), and — for scripts — one read whole as base64.
 */
import type { FileBody } from '../../../../shared/api/files';
import type { DocumentInfo } from '../../../../shared/api/orders';
import type { ReadContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { hasAssetFile, readAsset } from '../assets/store';
import { documentsOfEnterprise, findDocument, toDocument, type DocumentRecord } from './repository';

export const listDocuments = (ctx: ReadContext, enterpriseId: string) => documentsOfEnterprise(ctx.db, enterpriseId);

function storedDocument(ctx: ReadContext, id: string): DocumentRecord {
  const row = findDocument(ctx.db, id);
  if (!row) throw new AppError('document.not_found', `No document with id ${id}.`, { details: { id } });
  if (!hasAssetFile(ctx.dataDir, row.sha256))
    throw new AppError('document.file_missing', `The file of document ${id} is missing from the asset store.`, {
      details: { id, sha256: row.sha256 },
    });
  return row;
}

export const getDocument = (ctx: ReadContext, id: string): DocumentInfo => toDocument(storedDocument(ctx, id));

export function readDocument(ctx: ReadContext, id: string) {
  const row = storedDocument(ctx, id);
  return { ...toDocument(row), base64: readAsset(ctx.dataDir, row.sha256).toString('base64') };
}

export function documentFile(ctx: ReadContext, id: string): FileBody {
  const row = storedDocument(ctx, id);
  return { bytes: readAsset(ctx.dataDir, row.sha256), mime: row.mime, fileName: row.file_name, immutable: true };
}
