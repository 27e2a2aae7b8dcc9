/** The latest compile of the previewed content (saved site + drafts), shared by previews and report. */
import { create } from 'zustand';
import type { CompileResult, OutputFile, SmsSite } from '../../../../../shared/sites';

export interface Compiled {
  result: CompileResult;
  files: Map<string, OutputFile>;
  sms: SmsSite | null;
  /** The revision of the saved site it was built from, and whether drafts were in it. */
  revision: number;
  withDrafts: boolean;
  ms: number;
}

interface CompiledState {
  compiled: Compiled | null;
  error: string | null;
}

export const useCompiled = create<CompiledState>(() => ({ compiled: null, error: null }));

export function fileText(compiled: Compiled | null, path: string): string | undefined {
  const file = compiled?.files.get(path);
  if (!file) return undefined;
  return typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
}
