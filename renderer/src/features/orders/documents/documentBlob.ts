/** A stored document (the signed PDF) as a Blob URL for an iframe, printing and downloading. */
import { useEffect, useState } from 'react';
import { call } from '../../../api/client';

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
  const [state, setState] = useState<{ doc: LoadedDocument | null; error: unknown }>({ doc: null, error: null });
  useEffect(() => {
    if (!id) return;
    let url: string | null = null;
    let live = true;
    call('documents.read', { id })
      .then((d) => {
        url = URL.createObjectURL(blobOf(d.base64, d.mime));
        if (live) setState({ doc: { url, fileName: d.fileName, title: d.title, bytes: d.bytes }, error: null });
      })
      .catch((error: unknown) => live && setState({ doc: null, error }));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [id]);
  return state;
}

export function downloadDocument(doc: LoadedDocument): void {
  const a = document.createElement('a');
  a.href = doc.url;
  a.download = doc.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
