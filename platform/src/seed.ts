/** The demo organisation seeded into an empty platform: staff across roles in 济南 and 青岛, plus a province-wide manager. */
import { randomInt } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DemoLogin, StaffRegion, StaffRole } from '../../shared/platform-api/auth';
import { hashPassword } from './auth/passwords';
import { createUser } from './auth/users';
import { isoNow, type PlatformContext } from './context';
import { regionLabel } from './scopes';

const JINAN: StaffRegion = { province: '山东省', city: '济南市' };
const QINGDAO: StaffRegion = { province: '山东省', city: '青岛市' };

const DEMO_STAFF: { user: string; name: string; role: StaffRole; region: StaffRegion }[] = [
  { user: 'admin', name: '平台管理员', role: 'administrator', region: { province: null, city: null } },
  { user: 'jn.manager', name: '王建国', role: 'customer_manager', region: JINAN },
  { user: 'jn.clerk', name: '李敏', role: 'business_hall_clerk', region: JINAN },
  { user: 'jn.agent', name: '泉城代理 赵强', role: 'agent', region: JINAN },
  { user: 'qd.manager', name: '张海涛', role: 'customer_manager', region: QINGDAO },
  { user: 'qd.clerk', name: '陈静', role: 'business_hall_clerk', region: QINGDAO },
  { user: 'sd.manager', name: '刘省', role: 'customer_manager', region: { province: '山东省', city: null } },
];

const CHARS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const randomPassword = () => Array.from({ length: 12 }, () => CHARS[randomInt(CHARS.length)]).join('');

export const demoLoginsFile = (dataDir: string) => path.join(dataDir, 'demo-logins.json');

/**
 * Seeds the demo staff when the platform has no users; returns their logins (null when already seeded).
 * Passwords are random per data dir unless given (tests pass a fixed one to save time).
 */
export async function seedDemo(ctx: PlatformContext, options: { password?: string } = {}): Promise<DemoLogin[] | null> {
  const db = ctx.database.db;
  if (await db.selectFrom('staff_user').select('id').limit(1).executeTakeFirst()) return null;
  const logins: DemoLogin[] = [];
  const sharedHash = options.password ? await hashPassword(options.password) : undefined;
  for (const s of DEMO_STAFF) {
    const password = options.password ?? randomPassword();
    await createUser(db, { login: s.user, name: s.name, password, passwordHash: sharedHash, role: s.role, region: s.region }, isoNow(ctx));
    logins.push({ user: s.user, password, role: s.role, region: regionLabel(s.region) });
  }
  const file = demoLoginsFile(ctx.config.dataDir);
  await fs.writeFile(file, JSON.stringify(logins, null, 2) + '\n', { mode: 0o600 });
  return logins;
}
