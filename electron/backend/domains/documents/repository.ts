/** SQL for an enterprise's stored documents (service orders, sign-offs): rows that point at assets by sha256. */
import type { DocumentInfo } from '../../../../shared/api/orders';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';

export interface DocumentRecord {
  id: string;
  enterprise_id: string;
  kind: DocumentInfo['kind'];
  title: string;
  file_name: string;
  mime: string;
  bytes: number;
  sha256: string;
  created_at: string;
  created_by: string;
}

export type NewDocument = DocumentInfo & { createdBy: string };

const reads = perDatabase((db: ReadableDB) => ({
  byId: db.prepare<[string], DocumentRecord>('SELECT * FROM document WHERE id = ?'),
  forEnterprise: db.prepare<[string], DocumentRecord>('SELECT * FROM document WHERE enterprise_id = ? ORDER BY created_at DESC, id DESC'),
}));

const writes = perDatabase((db: WritableDB) => ({
  insert: db.prepare(
    `INSERT INTO document (id, enterprise_id, kind, title, file_name, mime, bytes, sha256, created_at, created_by)
     VALUES (@id, @enterprise_id, @kind, @title, @file_name, @mime, @bytes, @sha256, @created_at, @created_by)`,
  ),
}));

export const findDocument = (db: ReadableDB, id: string): DocumentRecord | undefined => reads(db).byId.get(id);
export const documentsOfEnterprise = (db: ReadableDB, enterpriseId: string): DocumentInfo[] =>
  reads(db).forEnterprise.all(enterpriseId).map(toDocument);

export function toDocument(row: DocumentRecord): DocumentInfo {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    kind: row.kind,
    title: row.title,
    fileName: row.file_name,
    mime: row.mime,
    bytes: row.bytes,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

/** Runs inside the caller's transaction, after the file is in the asset store. */
export function insertDocument(db: WritableDB, doc: NewDocument): void {
  writes(db).insert.run({
    id: doc.id,
    enterprise_id: doc.enterpriseId,
    kind: doc.kind,
    title: doc.title,
    file_name: doc.fileName,
    mime: doc.mime,
    bytes: doc.bytes,
    sha256: doc.sha256,
    created_at: doc.createdAt,
    created_by: doc.createdBy,
  });
}
