/** Saves text as a file the way the browser (or Electron's window) downloads: a blob and a link. */
import { download } from '../../../ui/download';

export function downloadJson(fileName: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json;charset=utf-8' }));
  download(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
