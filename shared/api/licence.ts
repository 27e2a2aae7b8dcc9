/** Reading a 营业执照 (business licence) from a photo or scan, offline. */
import { z } from 'zod';
import { query } from './contract';

/** 15 MB of picture at most, as base64. */
export const MAX_LICENCE_BASE64_CHARS = 20_000_000;

export const licenceSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('file'),
    name: z.string().trim().min(1).max(255),
    base64: z.string().min(1).max(MAX_LICENCE_BASE64_CHARS, { message: 'licence.too_large' }),
  }),
  /** A file on this machine (desktop app, CLI). */
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
]);

const text = z.string().nullable();
export const licenceFieldSchema = z.enum([
  'name',
  'creditCode',
  'type',
  'legalRepresentative',
  'registeredCapital',
  'establishedOn',
  'address',
  'businessScope',
]);

export const licenceReadingSchema = z.object({
  name: text,
  creditCode: text,
  /** Only true when the code passes its GB 32100 check character. */
  creditCodeValid: z.boolean(),
  /** When it does not: the positions (0-based) OCR may have confused and the one-character corrections that pass the check. */
  creditCodeUnsure: z.array(z.number().int()),
  creditCodeCorrections: z.array(z.string()),
  type: text,
  legalRepresentative: text,
  registeredCapital: text,
  /** ISO date. */
  establishedOn: text,
  address: text,
  /** 经营范围 where the licence prints it. */
  businessScope: text,
  /** Fields not read, read with low confidence, or not looking like their kind: to be checked by a person. */
  uncertain: z.array(licenceFieldSchema),
  readMs: z.number(),
  /** The file read, kept in the asset store when asked (`keep`): name its sha256 as the enterprise's `licencePhotoSha256`. */
  photo: z.object({ sha256: z.string(), mime: z.string() }).nullable(),
});
export type LicenceReadingOutput = z.infer<typeof licenceReadingSchema>;

export const licenceApi = {
  /** Loads the reader's OCR models in the background (the new-enterprise form asks on opening), so the first read does not wait for them. */
  'licence.prepare': query(z.object({}), z.object({ loadMs: z.number() }), { reads: [] }),
  /**
   * Reads the fields of a licence photo (JPEG/PNG/WebP) or PDF (its text layer, or else its largest
   * picture). Nothing is saved in the database; with `keep`, the file is stored (content-addressed)
   * so the enterprise registered from it can keep it.
   */
  'licence.read': query(z.object({ source: licenceSourceSchema, keep: z.boolean().default(false) }), licenceReadingSchema, { reads: [] }),
};
