/**
 * The licence photo kept with the enterprise (issue 12): `licence.read` stores the picture or PDF it
 * was given in the content-addressed asset store (a file only: harmless if nobody registers from it);
 * registering the enterprise with that photo makes it an asset (uploaded to the platform like every
 * stored file) and one of the enterprise's documents, and the enterprise record names it.
 */
import type { FileBody } from '../../../../shared/api/files';
import type { ReadContext, WriteContext } from '../../app/context';
import { AppError, notFound } from '../../app/errors';
import type { LocalRecordChange } from '../../app/unitOfWork';
import { registerAsset } from '../assets/repository';
import { sniffImageFormat } from '../assets/images';
import { hasAssetFile, readAsset, storeAssetFile } from '../assets/store';
import { documentsOfEnterprise, insertDocument } from '../documents/repository';
import { findEnterprise } from '../enterprises/repository';

const MIME: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', pdf: 'application/pdf' };

export function licenceFileType(bytes: Uint8Array): { mime: string; extension: string } {
  const format = bytes.subarray(0, 5).toString() === '%PDF-' ? 'pdf' : sniffImageFormat(bytes);
  return { mime: MIME[format] ?? 'application/octet-stream', extension: format === 'jpeg' ? 'jpg' : format };
}

/** Keeps the file a licence was read from; answers its address. */
export function keepLicenceFile(dataDir: string, bytes: Buffer): { sha256: string; mime: string } {
  const { sha256 } = storeAssetFile(dataDir, bytes);
  return { sha256, mime: licenceFileType(bytes).mime };
}

/**
 * The change that files a kept licence photo among the enterprise's documents (nothing when it is
 * already there). The photo must be one `licence.read` kept on this device.
 */
export function licencePhotoDocument(ctx: WriteContext, enterpriseId: string, sha256: string): LocalRecordChange[] {
  if (!hasAssetFile(ctx.dataDir, sha256))
    throw new AppError('licence.photo_missing', 'The licence photo is no longer on this device: read the licence again.', {
      field: 'licencePhotoSha256',
      details: { sha256 },
    });
  if (documentsOfEnterprise(ctx.db, enterpriseId).some((d) => d.kind === 'business_licence' && d.sha256 === sha256)) return [];
  const bytes = readAsset(ctx.dataDir, sha256);
  const { mime, extension } = licenceFileType(bytes);
  const id = ctx.newId();
  const at = ctx.now();
  return [
    {
      entity: 'document',
      id,
      write: (db) => {
        registerAsset(db, { sha256, size: bytes.length, mime }, at);
        insertDocument(db, {
          id,
          enterpriseId,
          kind: 'business_licence',
          title: '营业执照',
          fileName: `营业执照.${extension}`,
          mime,
          bytes: bytes.length,
          sha256,
          createdAt: at.toISOString(),
          createdBy: ctx.actor(),
        });
      },
    },
  ];
}

/** The enterprise's licence photo as a file; `licence.photo_missing` until it has arrived on this device. */
export function licencePhotoFile(ctx: ReadContext, { enterpriseId, sha256 }: { enterpriseId: string; sha256: string }): FileBody {
  const enterprise = findEnterprise(ctx.db, enterpriseId);
  if (!enterprise) throw notFound('enterprise', enterpriseId);
  if (enterprise.licence_photo_sha256 !== sha256 || !hasAssetFile(ctx.dataDir, sha256))
    throw new AppError('licence.photo_missing', 'This enterprise has no licence photo on this device (yet).', {
      details: { enterpriseId, sha256 },
    });
  const bytes = readAsset(ctx.dataDir, sha256);
  const { mime, extension } = licenceFileType(bytes);
  return { bytes, mime, fileName: `营业执照-${enterprise.name}.${extension}`, immutable: true };
}
