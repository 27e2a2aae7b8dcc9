/** A stored document (the signed PDF): its bytes to draw, and a Blob URL to download it. */
import { useEffect, useState } from 'react';
import { useApiQuery } from '../../../api/hooks';

export interface LoadedDocument {
  bytes: Uint8Array;
  url: string;
  fileName: string;
  title: string;
  /** The file's size in bytes. */
  size: number;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function useDocument(id: string | undefined) {
  const read = useApiQuery('documents.read', { id: id ?? '' }, { enabled: id !== undefined });
  const [doc, setDoc] = useState<LoadedDocument | null>(null);
  const d = read.data;
  useEffect(() => {
    if (!d) return;
    const bytes = bytesOf(d.base64);
    const url = URL.createObjectURL(new Blob([bytes], { type: d.mime }));
    setDoc({ bytes, url, fileName: d.fileName, title: d.title, size: d.bytes });
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
