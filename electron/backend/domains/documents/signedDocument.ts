/**
 * A signed paper (the service order, the site sign-off): the signature picture and the PDF go to the asset
 * store first (fsynced, content-addressed, harmless if the unit of work never commits); `write` registers
 * both and the document row inside the caller's unit of work.
 */
import type { DocumentInfo } from '../../../../shared/api/orders';
import type { WriteContext } from '../../app/context';
import type { WritableDB } from '../../infra/db/handles';
import { registerAsset } from '../assets/repository';
import { storeAssetFile, type StoredAsset } from '../assets/store';
import { insertDocument } from './repository';

export interface SignedDocument {
  id: string;
  pdf: StoredAsset;
  signature: StoredAsset;
  write(db: WritableDB): void;
}

export interface SignedPaper {
  enterpriseId: string;
  kind: DocumentInfo['kind'];
  title: string;
  fileName: string;
  signedAt: string;
  signaturePng: Uint8Array;
  pdf: Uint8Array;
}

export function storeSignedDocument(ctx: WriteContext, paper: SignedPaper): SignedDocument {
  const signature = storeAssetFile(ctx.dataDir, paper.signaturePng);
  const pdf = storeAssetFile(ctx.dataDir, paper.pdf);
  const id = ctx.newId();
  const write = (db: WritableDB) => {
    registerAsset(db, { ...signature, mime: 'image/png' }, ctx.now());
    registerAsset(db, { ...pdf, mime: 'application/pdf' }, ctx.now());
    insertDocument(db, {
      id,
      enterpriseId: paper.enterpriseId,
      kind: paper.kind,
      title: paper.title,
      fileName: paper.fileName,
      mime: 'application/pdf',
      bytes: pdf.size,
      sha256: pdf.sha256,
      createdAt: paper.signedAt,
      createdBy: ctx.actor(),
    });
  };
  return { id, pdf, signature, write };
}
