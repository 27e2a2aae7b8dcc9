/** A stored document (the signed PDF): its facts, its bytes to draw (read as a file, not base64), and its address to download. */
import { useMemo } from 'react';
import { fileUrl } from '../../../api/client';
import { useApiQuery } from '../../../api/hooks';
import { download } from '../../../ui/download';

export interface LoadedDocument {
  bytes: Uint8Array;
  url: string;
  fileName: string;
  title: string;
  /** The file's size in bytes. */
  size: number;
}

export function useDocument(id: string | undefined) {
  const enabled = id !== undefined;
  const facts = useApiQuery('documents.get', { id: id ?? '' }, { enabled });
  const file = useApiQuery('files.document', { id: id ?? '' }, { enabled });
  const d = facts.data;
  const bytes = file.data?.bytes;
  // One object per loaded document: the viewer draws again only when it changes.
  const doc = useMemo<LoadedDocument | null>(
    () =>
      d && bytes ? { bytes, url: fileUrl('files.document', { id: d.id }), fileName: d.fileName, title: d.title, size: d.bytes } : null,
    [d, bytes],
  );
  return { doc, error: facts.error ?? file.error };
}

export const downloadDocument = (doc: LoadedDocument): void => download(doc.url, doc.fileName);
