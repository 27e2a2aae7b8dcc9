/**
 * Inputs that name files or folders on this machine (issue 8 item 9). Only callers that act for the
 * person at this machine fill them: the CLI, and Electron's main process with a path from its own
 * folder dialog. The page never does — browser mode refuses them (an import is an upload, an export
 * a download), and in the desktop app the page holds grants that only main turns into paths.
 */
import type { ProcedureName } from './index';

export const LOCAL_PATH_INPUTS = { 'sites.import': 'paths', 'sites.export': 'outDir', 'licence.read': 'source' } as const satisfies Partial<
  Record<ProcedureName, string>
>;

/** The error a transport answers when the page names a local path itself. */
export const LOCAL_PATH_REFUSED = 'local_path_refused';

/** The field of a call's input that names local paths, when the call sets it. */
export function localPathField(name: string, input: unknown): string | undefined {
  const field = Object.hasOwn(LOCAL_PATH_INPUTS, name) ? LOCAL_PATH_INPUTS[name as keyof typeof LOCAL_PATH_INPUTS] : undefined;
  if (!field || typeof input !== 'object' || input === null) return undefined;
  const value = (input as Record<string, unknown>)[field];
  // A source that is either a file's bytes or a path (`licence.read`) names a path only as `{ kind: 'path' }`.
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return (value as { kind?: unknown }).kind === 'path' ? field : undefined;
  return value === undefined ? undefined : field;
}
