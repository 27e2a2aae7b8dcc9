/**
 * What only the desktop app offers the page: a folder chosen in the main process's own dialog,
 * handed over as a grant that main turns back into the path (electron/main/relay.ts). The page never
 * names a path itself; browser mode has no such dialog (uploads and downloads instead).
 */
import type { Result } from '../../../shared/api/result';
import { ApiCallError } from './client';

export interface FolderGrant {
  /** What to pass where a procedure takes a folder (`sites.export`'s outDir). */
  grant: string;
  /** The chosen folder, to show. */
  label: string;
}

export const isDesktop = (): boolean => typeof window !== 'undefined' && Boolean(window.ecw);

/** The folder dialog; null when cancelled. */
export async function chooseFolder(): Promise<FolderGrant | null> {
  const result = (await window.ecw!.invoke('shell.chooseFolder', {})) as Result<FolderGrant | null>;
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}
