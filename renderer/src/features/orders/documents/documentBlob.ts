/** A stored document (the signed PDF): its facts and its address, for a frame, printing and downloading. */
import { fileUrl } from '../../../api/client';
import { useApiQuery } from '../../../api/hooks';
import { download } from '../../../ui/download';

export interface LoadedDocument {
  url: string;
  fileName: string;
  title: string;
  bytes: number;
}

export function useDocument(id: string | undefined) {
  const read = useApiQuery('documents.get', { id: id ?? '' }, { enabled: id !== undefined });
  const d = read.data;
  const doc: LoadedDocument | null = d ? { url: fileUrl('files.document', { id: d.id }), fileName: d.fileName, title: d.title, bytes: d.bytes } : null;
  return { doc, error: read.error };
}

export const downloadDocument = (doc: LoadedDocument): void => download(doc.url, doc.fileName);
