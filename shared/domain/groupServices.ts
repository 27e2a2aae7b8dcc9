/**
 * The 动力100 services of a group beyond its roster: the mobile switchboard (总机, 通信动力 mode 1),
 * short-number SMS groups (mode 2) and the group ring-back tone (集团彩铃, 营销动力 mode 1). What the
 * manager sets up with the customer; the extensions and groups are read from the roster.
 */
import { z } from 'zod';

const text = (max: number) =>
  z.string().trim().min(1, { message: 'services.text_required' }).max(max, { message: 'services.text_too_long' });
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'services.time' });

export const transferSchema = z
  .object({
    /** The key a caller presses ("按 1 转销售部"). */
    key: z.string().regex(/^\d$/, { message: 'services.transfer_key' }),
    label: text(20),
    /** A member of the roster, or an outside number. */
    memberId: z.string().max(64).optional(),
    number: z
      .string()
      .regex(/^\d{3,12}$/, { message: 'services.transfer_number' })
      .optional(),
  })
  .refine((t) => (t.memberId ? 1 : 0) + (t.number ? 1 : 0) === 1, { message: 'services.transfer_target', path: ['memberId'] });
export type Transfer = z.infer<typeof transferSchema>;

export const switchboardSchema = z.object({
  /** The switchboard's number, digits only (0531 8888 6666 → 053188886666). */
  number: z.string().regex(/^\d{7,12}$/, { message: 'services.switchboard_number' }),
  /** Extension = the member's short number, unless the roster gives another. */
  extensionsFollowShortNumbers: z.boolean(),
  hours: z
    .object({ days: z.array(z.number().int().min(1).max(7)).min(1).max(7), open: time, close: time })
    .refine((h) => h.open < h.close, { message: 'services.hours_order', path: ['close'] })
    .refine((h) => new Set(h.days).size === h.days.length, { message: 'services.days_twice', path: ['days'] }),
  /** What a caller hears in and out of working hours. */
  greeting: z.object({ open: text(200), closed: text(200) }),
  transfers: z
    .array(transferSchema)
    .max(10)
    .refine((list) => new Set(list.map((t) => t.key)).size === list.length, { message: 'services.transfer_key_twice' }),
  /** Who answers when the caller chooses nothing (总机话务员). */
  operatorMemberId: z.string().max(64).nullable(),
});
export type Switchboard = z.infer<typeof switchboardSchema>;

export const smsGroupSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: text(30),
    /** A department's members as the roster has them at sending time, or members picked by hand. */
    kind: z.enum(['department', 'members']),
    department: z.string().trim().max(50).optional(),
    memberIds: z.array(z.string().max(64)).max(20_000).optional(),
  })
  .refine((g) => (g.kind === 'department' ? Boolean(g.department) : (g.memberIds?.length ?? 0) > 0), {
    message: 'services.group_empty',
    path: ['kind'],
  });
export type SmsGroup = z.infer<typeof smsGroupSchema>;

export const smsGroupsSchema = z
  .array(smsGroupSchema)
  .max(200)
  .refine((list) => new Set(list.map((g) => g.name)).size === list.length, { message: 'services.group_name_twice' });

export const RING_TONE_FORMATS = ['mp3', 'wav', 'm4a'] as const;
export type RingToneFormat = (typeof RING_TONE_FORMATS)[number];

export const ringToneSchema = z.object({
  sha256: z.string(),
  fileName: z.string(),
  format: z.enum(RING_TONE_FORMATS),
  mime: z.string(),
  durationSeconds: z.number(),
  bytes: z.number().int(),
  /** Who gets it: every member, or members picked by hand. */
  members: z.union([z.literal('all'), z.array(z.string().max(64)).max(20_000)]),
  uploadedAt: z.string(),
});
export type RingTone = z.infer<typeof ringToneSchema>;
