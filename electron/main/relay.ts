/**
 * Main's relay of the page's calls to the backend (issue 8 item 9). Only the app's own frame is
 * heard. A file-system path reaches the backend only as a folder the person chose in main's own
 * dialog: the page gets an opaque grant for it (`shell.chooseFolder`), and the relay turns the grant
 * back into the path; a path the page names itself is refused (shared/api/localPaths.ts).
 */
import { randomUUID } from 'node:crypto';
import { BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import { LOCAL_PATH_REFUSED, localPathField } from '../../shared/api/localPaths';
import type { Result } from '../../shared/api/result';
import { APP_ORIGIN } from './appProtocol';

/** What the page receives for a chosen folder: the grant to pass as the path, and the path to show. */
export interface FolderGrant {
  grant: string;
  label: string;
}

interface Backend {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
}

const GRANT_PREFIX = 'grant:';

const refused = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } });

export function createRelay(backend: Backend) {
  /** Grant → the folder chosen in the dialog, for the life of this process. */
  const grants = new Map<string, string>();

  const pathOf = (value: unknown): string | undefined => (typeof value === 'string' ? grants.get(value) : undefined);

  /** The input with its granted paths in place, or undefined when it names a path without a grant. */
  function withGrantedPaths(name: string, input: unknown): unknown {
    const field = localPathField(name, input);
    if (!field) return input;
    const value = (input as Record<string, unknown>)[field];
    const paths = Array.isArray(value) ? value.map(pathOf) : pathOf(value);
    if (paths === undefined || (Array.isArray(paths) && paths.some((p) => p === undefined))) return undefined;
    return { ...(input as object), [field]: paths };
  }

  async function chooseFolder(event: IpcMainInvokeEvent): Promise<Result<FolderGrant | null>> {
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = {
      title: '选择文件夹 Choose a folder',
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'] as ('openDirectory' | 'createDirectory' | 'promptToCreate')[],
    };
    const chosen = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
    const folder = chosen.canceled ? undefined : chosen.filePaths[0];
    if (!folder) return { ok: true, value: null };
    const grant = `${GRANT_PREFIX}${randomUUID()}`;
    grants.set(grant, folder);
    return { ok: true, value: { grant, label: folder } };
  }

  return async (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!event.senderFrame?.url.startsWith(`${APP_ORIGIN}/`) || typeof name !== 'string')
      return refused('forbidden', 'Calls are accepted from the app only.');
    if (name === 'shell.chooseFolder') return chooseFolder(event);
    const granted = withGrantedPaths(name, input);
    if (granted === undefined)
      return refused(LOCAL_PATH_REFUSED, 'The page may not name a file-system path; choose a folder in the dialog.');
    return backend.invoke(name, granted);
  };
}
