/**
 * Files the window loads by address — pictures, stored documents, an export's zip — so their bytes
 * travel as bytes: over IPC as a byte array, and at `/api/files/<name>?<input>` (app:// in Electron,
 * the local HTTP server in browser mode) for `<img src>`, frames and downloads. Never base64 in JSON.
 * Each is a query whose answer is a FileBody; its input is flat (an address's query string).
 */
import { z } from 'zod';
import { IMAGE_VARIANT_IDS } from '../sites/assets';
import { query, type Procedure } from './contract';
import { CommonErrors } from './result';

export const fileBodySchema = z.object({
  // By its tag, not instanceof: a Buffer, or bytes from another realm (a jsdom window), is a Uint8Array too.
  bytes: z.custom<Uint8Array>((value) => Object.prototype.toString.call(value) === '[object Uint8Array]', { message: 'file.bytes' }),
  mime: z.string(),
  /** The name a download gets. */
  fileName: z.string().optional(),
  /** The same address always answers the same bytes (a picture by its hash): it may be cached for good. */
  immutable: z.boolean().optional(),
  /** A picture's size in pixels. */
  image: z.object({ width: z.number().int(), height: z.number().int() }).optional(),
});
export type FileBody = z.infer<typeof fileBodySchema>;

const fileQuery = <I extends z.ZodType>(input: I): Procedure<I, typeof fileBodySchema, 'query'> & { file: true } => ({
  ...query(input, fileBodySchema, { reads: [] }),
  file: true,
});

export const filesApi = {
  /** A stored picture: the original, or one of its derived sizes (made on first use). */
  'files.image': fileQuery(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), variant: z.enum(IMAGE_VARIANT_IDS).optional() })),
  /** A stored document (the signed service order PDF …), shown in a frame and downloaded. */
  'files.document': fileQuery(z.object({ id: z.string().min(1).max(64) })),
  /** The zip of a site's export at a revision (written by `sites.export` under the data folder). */
  'files.siteExport': fileQuery(z.object({ siteId: z.string().min(1).max(64), revision: z.coerce.number().int().min(1) })),
  /** The site's staff cards on A4 as a PDF (`staffCards.sheet` gives the same as base64, for scripts). */
  'files.staffCardSheet': fileQuery(z.object({ siteId: z.string().min(1).max(64) })),
  /** The enterprise's licence photo or PDF scan (its `licencePhotoSha256`), on every device once synced. */
  'files.licencePhoto': fileQuery(z.object({ enterpriseId: z.string().min(1).max(64), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  /** An enterprise's portal member report as an Excel workbook (from the synced table, as of the last sync), for the customer. */
  'files.memberReport': fileQuery(
    z.object({
      enterpriseId: z.string().min(1).max(64),
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
        .optional(),
    }),
  ),
};
export type FileName = keyof typeof filesApi;

export const isFileName = (name: string): name is FileName => Object.hasOwn(filesApi, name);

export const FILES_PATH = '/api/files/';

/** Where the window finds a file: `/api/files/files.image?sha256=…&variant=web480`. */
export function filePath<N extends FileName>(name: N, input: z.input<(typeof filesApi)[N]['input']>): string {
  const query = new URLSearchParams(
    Object.entries(input).flatMap(([key, value]): [string, string][] => (value === undefined ? [] : [[key, String(value)]])),
  );
  return `${FILES_PATH}${name}?${query}`;
}

/** The file an address asks for, or null when it is not a file address. (Its input is parsed by the procedure's schema.) */
export function fileRequest(url: URL): { name: FileName; input: Record<string, string> } | null {
  if (!url.pathname.startsWith(FILES_PATH)) return null;
  const name = url.pathname.slice(FILES_PATH.length);
  if (!isFileName(name)) return null;
  const input = Object.fromEntries([...url.searchParams].filter(([key]) => key !== 'token'));
  return { name, input };
}

/** Types a window may show in place; anything else is only ever downloaded (never rendered on the app's origin). */
const SHOWN_IN_PLACE = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf']);

/** `inline; filename="…"; filename*=UTF-8''…` (the plain name for old readers, the UTF-8 one for the rest). */
function disposition(kind: 'inline' | 'attachment', fileName: string | undefined): string {
  if (!fileName) return kind;
  const plain = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The headers a file is served with, by app:// and by the HTTP server alike. */
export function fileHeaders(body: FileBody): Record<string, string> {
  const inPlace = SHOWN_IN_PLACE.has(body.mime);
  return {
    'content-type': body.mime,
    'content-length': String(body.bytes.byteLength),
    'content-disposition': disposition(inPlace ? 'inline' : 'attachment', body.fileName),
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': body.immutable ? 'private, max-age=31536000, immutable' : 'no-store',
    ...(body.image ? { 'x-image-width': String(body.image.width), 'x-image-height': String(body.image.height) } : {}),
  };
}

/** A file as the window reads it back from an answer's bytes and headers. */
export function fileBodyOf(bytes: Uint8Array, header: (name: string) => string | null): FileBody {
  const fileName = /filename\*=UTF-8''([^;]+)/.exec(header('content-disposition') ?? '')?.[1];
  const width = Number(header('x-image-width'));
  const height = Number(header('x-image-height'));
  return {
    bytes,
    mime: header('content-type') ?? 'application/octet-stream',
    ...(fileName ? { fileName: decodeURIComponent(fileName) } : {}),
    ...(header('cache-control')?.includes('immutable') ? { immutable: true } : {}),
    ...(width > 0 && height > 0 ? { image: { width, height } } : {}),
  };
}

/** The HTTP status of a file request that failed with this error code. */
export function fileErrorStatus(code: string): number {
  if (code === CommonErrors.invalidInput) return 400;
  if (code === CommonErrors.unknownProcedure || code.endsWith('not_found') || code.endsWith('_missing')) return 404;
  if (code === CommonErrors.internal) return 500;
  return 503; // the database is not open (the recovery screen)
}
