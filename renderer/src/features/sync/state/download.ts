import { downloadBlob } from '../../../ui/downloadBase64';

/** Saves text as a JSON file download. */
export function downloadJson(fileName: string, json: string): void {
  downloadBlob(new Blob([json], { type: 'application/json;charset=utf-8' }), fileName);
}
