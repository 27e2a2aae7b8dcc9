/** A stored document (the signed PDF) as a Blob URL for an iframe, printing and downloading. */
import { useEffect, useState } from 'react';
import { useApiQuery } from '../../../api/hooks';

export interface LoadedDocument {
  url: string;
  fileName: string;
  title: string;
  bytes: number;
}

function blobOf(base64: string, mime: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

export function useDocument(id: string | undefined) {
  const read = useApiQuery('documents.read', { id: id ?? '' }, { enabled: id !== undefined });
  const [doc, setDoc] = useState<LoadedDocument | null>(null);
  const d = read.data;
  useEffect(() => {
    if (!d) return;
    const url = URL.createObjectURL(blobOf(d.base64, d.mime));
    setDoc({ url, fileName: d.fileName, title: d.title, bytes: d.bytes });
    return () => {
      URL.revokeObjectURL(url);
      setDoc(null);
    };
  }, [d]);
  return { doc, error: read.error };
}

export function downloadDocument(doc: LoadedDocument): void {
  const a = document.createElement('a');
  a.href = doc.url;
  a.download = doc.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
