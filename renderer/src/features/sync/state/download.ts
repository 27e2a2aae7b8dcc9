/** Saves text as a file the way the browser (or Electron's window) downloads: a blob and a link. */
import { downloadBlob } from '../../../ui/download';

export function downloadJson(fileName: string, json: string): void {
  downloadBlob(new Blob([json], { type: 'application/json;charset=utf-8' }), fileName);
}
