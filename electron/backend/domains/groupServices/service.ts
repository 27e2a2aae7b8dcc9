/**
 * A group's 动力100 services: what its plan includes, the switchboard, SMS groups and ring-back tone
 * as the manager sets them up — every member they name checked against the roster, the tone's file
 * checked against the catalog's limits and kept in the content-addressed store.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Output, ParsedInput } from '../../../../shared/api';
import type { ComponentLimits } from '../../../../shared/domain/catalog';
import type { AuditAction } from '../../../../shared/domain/audit';
import type { ReadContext, WriteContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { commitChanges } from '../../app/unitOfWork';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { registerAsset } from '../assets/repository';
import { readAsset, storeAssetFile } from '../assets/store';
import { currentCatalog } from '../catalog/repository';
import { findEnterprise } from '../enterprises/repository';
import { activePlan } from '../orders/planState';
import { membersOf } from '../roster/repository';
import { groupServicesOf, saveGroupServices, type GroupServices } from './repository';
import { readRingTone, RingToneProblem } from './ringTone';

/** Used only when no plan of the catalog gives a ring-back tone its limits. */
const FALLBACK_LIMITS: ComponentLimits = { maxSeconds: 40, maxBytes: 2 * 1024 * 1024, formats: ['mp3', 'wav', 'm4a'], sample: true };
const MAX_FILE_BYTES = 10 * 1024 * 1024;

function requireEnterprise(db: ReadableDB, id: string): void {
  if (!findEnterprise(db, id))
    throw new AppError('services.enterprise_not_found', `No enterprise with id ${id}.`, { field: 'enterpriseId' });
}

/** The ring-back tone's limits: those of the enterprise's plan, else the catalog's first plan that has one. */
function ringToneLimits(db: ReadableDB, enterpriseId: string): ComponentLimits {
  const catalog = currentCatalog(db);
  const planned = activePlan(db, catalog, enterpriseId)?.current.components.find((c) => c.code === 'group-crbt')?.limits;
  return planned ?? catalog.plans.flatMap((p) => p.components).find((c) => c.code === 'group-crbt' && c.limits)?.limits ?? FALLBACK_LIMITS;
}

export function servicesView(db: ReadableDB, enterpriseId: string): Output<'services.get'> {
  requireEnterprise(db, enterpriseId);
  const codes = new Set(activePlan(db, currentCatalog(db), enterpriseId)?.current.components.map((c) => c.code) ?? []);
  return {
    included: { switchboard: codes.has('switchboard'), smsGroups: codes.has('short-sms'), ringTone: codes.has('group-crbt') },
    ringToneLimits: ringToneLimits(db, enterpriseId),
    ...groupServicesOf(db, enterpriseId),
  };
}

export const getServices = (ctx: ReadContext, enterpriseId: string) => servicesView(ctx.db, enterpriseId);

/** Members the settings name must be members of the group (not on their way out). */
function requireMembers(db: ReadableDB, enterpriseId: string, ids: (string | null | undefined)[], field: string): void {
  const known = new Set(
    membersOf(db, enterpriseId)
      .filter((m) => m.change !== 'remove')
      .map((m) => m.id),
  );
  const unknown = ids.filter((id): id is string => Boolean(id) && !known.has(id!));
  if (unknown.length)
    throw new AppError('services.member_unknown', `${unknown.length} of the members named are not in the roster.`, {
      field,
      details: { count: unknown.length },
    });
}

interface Save {
  change: (current: GroupServices, db: ReadableDB) => GroupServices;
  action: AuditAction;
  detail?: Record<string, unknown>;
  /** Written in the same transaction (the tone's asset row). */
  alsoWrite?: (db: WritableDB) => void;
}

/** Writes the services with one change (and its audit entry), then answers the whole view. */
function save(ctx: WriteContext, enterpriseId: string, { change, action, detail = {}, alsoWrite }: Save): Output<'services.get'> {
  commitChanges(ctx, (db) => {
    requireEnterprise(db, enterpriseId);
    const next = change(groupServicesOf(db, enterpriseId), db);
    return {
      changes: [
        {
          entity: 'group_service',
          id: enterpriseId,
          write: (db) => {
            alsoWrite?.(db);
            saveGroupServices(db, enterpriseId, next, ctx.now().toISOString());
          },
          audit: { action, detail: { enterpriseId, ...detail } },
        },
      ],
      result: undefined,
    };
  });
  return servicesView(ctx.db, enterpriseId);
}

export function setSwitchboard(
  ctx: WriteContext,
  { enterpriseId, switchboard }: ParsedInput<'services.setSwitchboard'>,
): Output<'services.get'> {
  return save(ctx, enterpriseId, {
    change: (current, db) => {
      if (switchboard)
        requireMembers(db, enterpriseId, [switchboard.operatorMemberId, ...switchboard.transfers.map((t) => t.memberId)], 'switchboard');
      return { ...current, switchboard };
    },
    action: 'services.switchboard_set',
    detail: { cleared: switchboard === null },
  });
}

export function setSmsGroups(ctx: WriteContext, { enterpriseId, groups }: ParsedInput<'services.setSmsGroups'>): Output<'services.get'> {
  return save(ctx, enterpriseId, {
    change: (current, db) => {
      requireMembers(
        db,
        enterpriseId,
        groups.flatMap((g) => (g.kind === 'members' ? (g.memberIds ?? []) : [])),
        'groups',
      );
      const departments = new Set(membersOf(db, enterpriseId).map((m) => m.department));
      const missing = groups.find((g) => g.kind === 'department' && !departments.has(g.department!));
      if (missing)
        throw new AppError('services.department_unknown', `No member of the roster is in ${missing.department}.`, {
          field: 'groups',
          details: { department: missing.department },
        });
      return { ...current, smsGroups: groups };
    },
    action: 'services.sms_groups_set',
    detail: { groups: groups.length },
  });
}

function fileBytes(file: ParsedInput<'services.uploadRingTone'>['file']): { name: string; bytes: Buffer } {
  if ('base64' in file) return { name: file.name, bytes: Buffer.from(file.base64, 'base64') };
  let size: number;
  try {
    size = statSync(file.path).size;
  } catch {
    throw new AppError('services.file_not_found', `There is no file ${file.path}.`, { field: 'file' });
  }
  if (size > MAX_FILE_BYTES) throw new AppError('services.ringtone_too_large', `The file has ${size} bytes.`, { field: 'file' });
  return { name: path.basename(file.path), bytes: readFileSync(file.path) };
}

export async function uploadRingTone(
  ctx: WriteContext,
  { enterpriseId, file }: ParsedInput<'services.uploadRingTone'>,
): Promise<Output<'services.get'>> {
  requireEnterprise(ctx.db, enterpriseId);
  const { name, bytes } = fileBytes(file);
  let facts;
  try {
    facts = await readRingTone(bytes, ringToneLimits(ctx.db, enterpriseId));
  } catch (error) {
    if (error instanceof RingToneProblem) throw new AppError(error.code, error.message, { field: 'file', details: error.details });
    throw error;
  }
  const stored = storeAssetFile(ctx.dataDir, bytes); // fsynced before the row that names it
  return save(ctx, enterpriseId, {
    change: (current) => ({
      ...current,
      ringTone: {
        sha256: stored.sha256,
        fileName: name,
        ...facts,
        bytes: bytes.length,
        members: current.ringTone?.members ?? 'all',
        uploadedAt: ctx.now().toISOString(),
      },
    }),
    alsoWrite: (db) => registerAsset(db, { ...stored, mime: facts.mime }, ctx.now()),
    action: 'services.ringtone_uploaded',
    detail: { fileName: name, format: facts.format, seconds: facts.durationSeconds },
  });
}

export function setRingToneMembers(
  ctx: WriteContext,
  { enterpriseId, members }: ParsedInput<'services.setRingToneMembers'>,
): Output<'services.get'> {
  return save(ctx, enterpriseId, {
    change: (current, db) => {
      if (!current.ringTone) throw new AppError('services.ringtone_missing', 'Upload a ring-back tone first.');
      if (members !== 'all') requireMembers(db, enterpriseId, members, 'members');
      return { ...current, ringTone: { ...current.ringTone, members } };
    },
    action: 'services.ringtone_members_set',
    detail: { members: members === 'all' ? 'all' : members.length },
  });
}

export const removeRingTone = (ctx: WriteContext, enterpriseId: string) =>
  save(ctx, enterpriseId, { change: (current) => ({ ...current, ringTone: null }), action: 'services.ringtone_removed' });

export function ringToneAudio(ctx: ReadContext, sha256: string): Output<'services.ringToneAudio'> {
  let bytes: Buffer;
  try {
    bytes = readAsset(ctx.dataDir, sha256);
  } catch {
    throw new AppError('services.ringtone_missing', 'The tone is not on this machine.');
  }
  const mime =
    bytes.subarray(0, 4).toString('latin1') === 'RIFF'
      ? 'audio/wav'
      : bytes.subarray(4, 8).toString('latin1') === 'ftyp'
        ? 'audio/mp4'
        : 'audio/mpeg';
  return { mime, base64: bytes.toString('base64') };
}
