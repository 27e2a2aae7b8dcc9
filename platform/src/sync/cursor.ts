/** The opaque pull cursor: base64url of {v, seq, h: scopesHash, snap?: bootstrap snapshot seq}. */
import { z } from 'zod';
import { HttpError } from '../http/errors';

const cursorSchema = z.object({ v: z.literal(1), seq: z.number().int().min(0), h: z.string(), snap: z.number().int().optional() });
export type Cursor = z.infer<typeof cursorSchema>;

export const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');

export const resyncRequired = (resyncReason: string, message: string) => new HttpError(410, 'resync_required', message, { resyncReason });

export function decodeCursor(text: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw resyncRequired('bad_cursor', 'The cursor is not one this platform issued; pull from scratch.');
  }
}
