/** The 动力100 services of a group: switchboard, short-number SMS groups, group ring-back tone. */
import { z } from 'zod';
import { mutation, query } from './contract';
import { componentLimitsSchema } from '../domain/catalog';
import { ringToneSchema, smsGroupsSchema, switchboardSchema } from '../domain/groupServices';

/** A ring-back tone file is small: 10 MB of base64 at most (the catalog's limit decides what is kept). */
export const MAX_RING_TONE_BASE64_CHARS = 14_000_000;

export const groupServicesSchema = z.object({
  /** Which services the enterprise's plan brings (from the catalog components of its current plan). */
  included: z.object({ switchboard: z.boolean(), smsGroups: z.boolean(), ringTone: z.boolean() }),
  /** The ring-back tone's limits from the catalog (sample values are marked). */
  ringToneLimits: componentLimitsSchema,
  switchboard: switchboardSchema.nullable(),
  smsGroups: smsGroupsSchema,
  ringTone: ringToneSchema.nullable(),
});

const enterpriseId = z.string().min(1);

export const groupServicesApi = {
  'services.get': query(z.object({ enterpriseId }), groupServicesSchema, { reads: ['group_service', 'catalog', 'service_order'] }),
  'services.setSwitchboard': mutation(z.object({ enterpriseId, switchboard: switchboardSchema.nullable() }), groupServicesSchema),
  'services.setSmsGroups': mutation(z.object({ enterpriseId, groups: smsGroupsSchema }), groupServicesSchema),
  'services.uploadRingTone': mutation(
    z.object({
      enterpriseId,
      file: z.union([
        z.object({
          name: z.string().trim().min(1).max(255),
          base64: z.string().min(1).max(MAX_RING_TONE_BASE64_CHARS, { message: 'services.ringtone_too_large' }),
        }),
        z.object({ path: z.string().min(1).max(4096) }),
      ]),
    }),
    groupServicesSchema,
  ),
  'services.setRingToneMembers': mutation(z.object({ enterpriseId, members: ringToneSchema.shape.members }), groupServicesSchema),
  'services.removeRingTone': mutation(z.object({ enterpriseId }), groupServicesSchema),
  /** The tone's bytes, to listen to it in the app (never changes for a hash). */
  'services.ringToneAudio': query(
    z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    z.object({ mime: z.string(), base64: z.string() }),
    { reads: [] },
  ),
};
