/** Staff sign-in: short-lived access tokens plus rotating refresh tokens (POST /auth/v1/…). */
import { z } from 'zod';

/** 客户经理, 营业厅, 代理商, 管理员. */
export const STAFF_ROLES = ['customer_manager', 'business_hall_clerk', 'agent', 'administrator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A user's regional scope: a whole province (city null) or one city of it. Administrators: both null = everywhere. */
export const staffRegionSchema = z.object({ province: z.string().nullable(), city: z.string().nullable() });
export type StaffRegion = z.infer<typeof staffRegionSchema>;

export const staffUserSchema = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  region: staffRegionSchema,
});
export type StaffUser = z.infer<typeof staffUserSchema>;

export const loginRequestSchema = z.object({
  user: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const refreshRequestSchema = z.object({ refreshToken: z.string().min(10).max(200) });
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

/** Both login and refresh answer this. A refresh token works once: each refresh returns a new one. */
export const sessionSchema = z.object({
  accessToken: z.string(),
  /** ISO time; send `Authorization: Bearer <accessToken>` until then, then refresh. */
  accessExpiresAt: z.string(),
  refreshToken: z.string(),
  refreshExpiresAt: z.string(),
  user: staffUserSchema,
});
export type Session = z.infer<typeof sessionSchema>;

/** One line of DIR/demo-logins.json (written by `npm run platform`). */
export const demoLoginSchema = z.object({ user: z.string(), password: z.string(), role: z.enum(STAFF_ROLES), region: z.string() });
export type DemoLogin = z.infer<typeof demoLoginSchema>;
