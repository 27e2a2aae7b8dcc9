/** Staff accounts: the only module that reads or writes staff_user. */
import type { Kysely } from 'kysely';
import type { StaffRegion, StaffRole, StaffUser } from '../../../shared/platform-api/auth';
import { newId } from '../clock';
import type { DB } from '../db/schema';
import type { Principal } from '../scopes';
import { hashPassword } from './passwords';

type UserRow = DB['staff_user'];

export const toPrincipal = (row: UserRow): Principal => ({
  id: row.id,
  login: row.login,
  name: row.name,
  role: row.role as StaffRole,
  province: row.province,
  city: row.city,
});

export const toStaffUser = (p: Principal): StaffUser => ({
  id: p.id,
  login: p.login,
  name: p.name,
  role: p.role,
  region: { province: p.province, city: p.city },
});

export const userById = (db: Kysely<DB>, id: string) => db.selectFrom('staff_user').selectAll().where('id', '=', id).executeTakeFirst();
export const userByLogin = (db: Kysely<DB>, login: string) =>
  db.selectFrom('staff_user').selectAll().where('login', '=', login).executeTakeFirst();

export interface NewUser {
  login: string;
  name: string;
  password: string;
  /** Precomputed hash of `password` (seeding many users with one password). */
  passwordHash?: string;
  role: StaffRole;
  region: StaffRegion;
}

export async function createUser(db: Kysely<DB>, user: NewUser, at: string): Promise<Principal> {
  const row: UserRow = {
    id: newId(),
    login: user.login,
    name: user.name,
    role: user.role,
    province: user.region.province,
    city: user.region.city,
    password_hash: user.passwordHash ?? (await hashPassword(user.password)),
    created_at: at,
  };
  await db.insertInto('staff_user').values(row).execute();
  return toPrincipal(row);
}

export async function updateUser(db: Kysely<DB>, login: string, changes: { role?: StaffRole; region?: StaffRegion }) {
  await db
    .updateTable('staff_user')
    .set({
      ...(changes.role ? { role: changes.role } : {}),
      ...(changes.region ? { province: changes.region.province, city: changes.region.city } : {}),
    })
    .where('login', '=', login)
    .execute();
  return userByLogin(db, login);
}
