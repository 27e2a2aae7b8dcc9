/**
 * The UI is served from app://ui/…, never from file://; paths cannot leave the renderer's folder.
 * File addresses (`app://ui/api/files/…`: pictures, documents, export zips) are asked of the backend
 * and answered with their bytes.
 */
import path from 'node:path';
import { fileBodySchema, fileErrorStatus, fileHeaders, fileRequest, FILES_PATH } from '../../shared/api/files';
import type { Result } from '../../shared/api/result';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://ui`;

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'";

/** Maps a request URL to a file under `root`, or null when it is outside it or not ours. */
export function resolveAppPath(requestUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'ui') return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname) || '/';
  } catch {
    return null; // a malformed escape
  }
  const file = path.resolve(root, '.' + (relative === '/' ? '/index.html' : relative));
  const base = path.resolve(root);
  return file === base || file.startsWith(base + path.sep) ? file : null;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const mimeOf = (file: string) => MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The backend's dispatcher as main reaches it (BackendHost.invoke). */
export type Invoke = (name: string, input: unknown) => Promise<Result<unknown>>;

const jsonError = (status: number, error: { code: string; message: string }) =>
  new Response(JSON.stringify({ ok: false, error }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });

/** The answer to a file address of the window, or null when the URL is not one (it is then a file of the UI). */
export async function answerFile(requestUrl: string, invoke: Invoke): Promise<Response | null> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'ui' || !url.pathname.startsWith(FILES_PATH)) return null;
  const request = fileRequest(url);
  if (!request) return jsonError(404, { code: 'unknown_procedure', message: 'No such file address.' });
  const result = await invoke(request.name, request.input);
  if (!result.ok) return jsonError(fileErrorStatus(result.error.code), result.error);
  const body = fileBodySchema.parse(result.value);
  return new Response(new Uint8Array(body.bytes), { headers: fileHeaders(body) });
}
