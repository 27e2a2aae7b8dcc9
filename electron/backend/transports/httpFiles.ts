/**
 * Browser mode's file addresses: `GET /api/files/<name>?<input>` (shared/api/files.ts) answered with
 * the bytes themselves — their content type, nosniff, same-origin only, a download's name — so
 * `<img src>`, frames and downloads never carry base64. The token check and the Host check are
 * http.ts's, as for every /api address.
 */
import type http from 'node:http';
import { fileBodySchema, fileErrorStatus, fileHeaders, fileRequest } from '../../../shared/api/files';
import type { ApiError } from '../../../shared/api';
import type { Backend } from '../app/backend';

function sendError(res: http.ServerResponse, status: number, error: ApiError): void {
  const text = JSON.stringify({ ok: false, error });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export async function serveFile(backend: Backend, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendError(res, 405, { code: 'method_not_allowed', message: 'Files are read with GET.' });
  const request = fileRequest(url);
  if (!request) return sendError(res, 404, { code: 'unknown_procedure', message: 'No such file address.' });
  const result = await backend.dispatcher.invoke(request.name, request.input);
  if (!result.ok) return sendError(res, fileErrorStatus(result.error.code), result.error);
  const body = fileBodySchema.parse(result.value);
  res.writeHead(200, fileHeaders(body));
  res.end(req.method === 'HEAD' ? undefined : body.bytes);
}
