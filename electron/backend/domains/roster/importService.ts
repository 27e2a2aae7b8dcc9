/**
 * Roster import: read the source, find the header and columns, clean and check the rows, plan the
 * change against the group's roster — then either show it (preview) or write it in one unit of
 * work (import). Both run the same steps on the same input, so the import writes what the
 * preview showed.
 */
import { readFileSync, statSync } from 'node:fs';
import { ALL_SHEETS, type ImportPreview } from '../../../../shared/domain/roster';
import type { Output, ParsedInput } from '../../../../shared/api';
import type { ReadContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { commitChanges } from '../../app/unitOfWork';
import { WORKING_COPY } from './repository';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import type { PlatformClient } from '../sync/platform';
import { findEnterprise } from '../enterprises/repository';
import { chooseSheet, sheetLayout, sheetsAsOne, unfoldSideBySide } from './columns';
import { planImport, previewOf, type ImportPlan } from './importPlan';
import { otherGroups, type OtherGroups } from './otherGroups';
import {
  deleteMember,
  insertAddedMember,
  membersOf,
  rulesOf,
  saveRules,
  updateMemberWorking,
  workingColumnsOf,
  type MemberRecord,
} from './repository';
import { MAX_ROSTER_ROWS, readPastedRoster, readRosterBytes, RosterFileProblem, type RosterSource } from './rosterFile';
import { readRows } from './rows';
import { refusedOrders } from './submit';

type ImportInput = ParsedInput<'roster.import'>;
/** The platform, when this device is signed in (the sync engine's client). */
export type PlatformAccess = () => Promise<PlatformClient | null>;
const MAX_FILE_BYTES = 20 * 1024 * 1024;

async function readSource(source: ImportInput['source']): Promise<RosterSource> {
  try {
    if (source.kind === 'paste') return readPastedRoster(source.text);
    if (source.kind === 'file') return await readRosterBytes(Buffer.from(source.base64, 'base64'), source.name);
    let size: number;
    try {
      size = statSync(source.path).size;
    } catch {
      throw new AppError('roster.file_not_found', `There is no file ${source.path}.`, { field: 'source.path' });
    }
    if (size > MAX_FILE_BYTES)
      throw new AppError('roster.file_too_large', `The file has ${size} bytes; a roster file has at most ${MAX_FILE_BYTES}.`);
    return await readRosterBytes(readFileSync(source.path), source.path);
  } catch (error) {
    if (error instanceof RosterFileProblem) throw new AppError(error.code, error.message, { field: 'source' });
    throw error;
  }
}

function requireEnterprise(db: ReadableDB, id: string): void {
  if (!findEnterprise(db, id)) throw new AppError('roster.enterprise_not_found', `No enterprise with id ${id}.`, { field: 'enterpriseId' });
}

interface Reading {
  fileKind: RosterSource['kind'];
  sheets: string[];
  sheet: string;
  headerRow: number;
  columns: ImportPreview['columns'];
  mapping: ImportPreview['mapping'];
  rows: ReturnType<typeof readRows>;
}

async function readRoster(input: ImportInput): Promise<Reading> {
  const source = await readSource(input.source);
  const sheets = source.sheets.map(unfoldSideBySide);
  const all = sheetsAsOne(sheets);
  const sheet = chooseSheet(sheets, all, input.sheet);
  if (!sheet) {
    if (input.sheet !== undefined)
      throw new AppError('roster.sheet_not_found', `The workbook has no sheet named ${input.sheet}.`, { field: 'sheet' });
    throw new AppError('roster.file_empty', 'The file holds no rows.', { field: 'source' });
  }
  const layout = sheetLayout(sheet);
  const mapping = input.mapping ?? layout.mapping;
  if (mapping.name === null && mapping.mobile === null)
    throw new AppError('roster.no_columns', 'No column holds names or mobiles: map the columns by hand.', { field: 'mapping' });
  if (layout.data.length > MAX_ROSTER_ROWS)
    throw new AppError('roster.too_many_rows', `The sheet has ${layout.data.length} rows; one import takes at most ${MAX_ROSTER_ROWS}.`);
  const width = Math.max(layout.headers.length, ...layout.data.slice(0, 200).map((r) => r.cells.length));
  const columns = Array.from({ length: width }, (_, index) => ({
    index,
    header: (layout.headers[index] ?? '').trim(),
    samples: layout.data
      .map((r) => (r.cells[index] ?? '').trim())
      .filter(Boolean)
      .slice(0, 3),
  }));
  return {
    fileKind: source.kind,
    sheets: [...(all ? [ALL_SHEETS] : []), ...sheets.map((s) => s.name)],
    sheet: sheet.name,
    headerRow: layout.headerRow,
    columns,
    mapping,
    rows: readRows(layout.data, mapping),
  };
}

function plan(db: ReadableDB, input: ImportInput, reading: Reading, groups: OtherGroups): ImportPlan {
  const rules = rulesOf(db, input.enterpriseId);
  const existing = membersOf(db, input.enterpriseId);
  const refused = refusedOrders(db, input.enterpriseId);
  const result = planImport(reading.rows.members, existing, input.firstDigit ? { ...rules, firstDigit: input.firstDigit } : rules, {
    replace: input.replace,
    inOtherGroup: (mobile) => groups.has(mobile),
    waiting: (member) => member.order_id !== null && !refused.has(member.order_id),
  });
  result.refused = [...reading.rows.refused, ...result.refused].sort((a, b) => a.row - b.row);
  return result;
}

/** Reads the roster and asks, once, which of its mobiles other groups hold. */
async function readWithGroups(ctx: ReadContext, input: ImportInput, platform: PlatformAccess) {
  requireEnterprise(ctx.db, input.enterpriseId);
  const reading = await readRoster(input);
  const groups = await otherGroups(
    () => ctx.db,
    await platform(),
    input.enterpriseId,
    reading.rows.members.map((m) => m.mobile),
  );
  return { reading, groups };
}

export async function previewImport(ctx: ReadContext, input: ImportInput, platform: PlatformAccess): Promise<ImportPreview> {
  const { reading, groups } = await readWithGroups(ctx, input, platform);
  const p = plan(ctx.db, input, reading, groups);
  return {
    fileKind: reading.fileKind,
    sheets: reading.sheets,
    sheet: reading.sheet,
    headerRow: reading.headerRow,
    columns: reading.columns,
    mapping: reading.mapping,
    added: p.added.map((a) => previewOf(a)),
    changed: p.changed.map((c) => ({
      ...previewOf(c, c.existing),
      memberId: c.existing.id,
      fields: c.fields,
      before: {
        name: c.existing.name,
        mobile: c.existing.mobile,
        department: c.existing.department,
        title: c.existing.title,
        shortNumber: c.existing.short_number,
        extension: c.existing.extension,
        email: c.existing.email,
      },
    })),
    removed: p.removed.map((r) => ({ memberId: r.id, name: r.name, mobile: r.mobile, shortNumber: r.short_number })),
    unchanged: p.unchanged,
    refused: p.refused,
    members: p.members,
    otherGroupsChecked: groups.checked,
  };
}

function writePlan(db: WritableDB, ctx: ReadContext, enterpriseId: string, p: ImportPlan): void {
  const now = ctx.now().toISOString();
  for (const a of p.added) {
    const m = a.member;
    insertAddedMember(
      db,
      {
        id: ctx.newId(),
        enterprise_id: enterpriseId,
        name: m.name,
        mobile: m.mobile,
        department: m.department,
        title: m.title,
        email: m.email,
        short_number: a.shortNumber,
        number_source: a.numberSource === 'kept' ? 'file' : a.numberSource,
        extension: m.extension,
        china_mobile: 1,
        ported_in: 0,
        card_consent: 0,
        photo_sha256: null,
      },
      now,
    );
  }
  for (const c of p.changed) {
    const preview = previewOf(c, c.existing);
    const columns = {
      ...workingColumnsOf(c.existing),
      name: preview.name,
      department: preview.department,
      title: preview.title,
      extension: preview.extension,
      email: preview.email,
      short_number: c.shortNumber,
      number_source: c.numberSource === 'kept' ? c.existing.number_source : c.numberSource,
    };
    updateMemberWorking(db, c.existing.id, columns, changeAfterEdit(c.existing), now);
  }
  for (const r of p.removed) removeMemberRecord(db, r, now);
}

/** A member added on this device and never confirmed stays an addition; others become an update. */
export const changeAfterEdit = (r: MemberRecord) =>
  r.change === 'add' || (r.change === null && r.base_version === null) ? 'add' : 'update';

/** Removing a member the platform never had forgets it; otherwise the removal waits to be submitted. */
export const removalOf = (r: MemberRecord): 'deleted' | 'marked' => (r.base_version === null && !r.order_id ? 'deleted' : 'marked');

export function removeMemberRecord(db: WritableDB, r: MemberRecord, now: string): void {
  if (removalOf(r) === 'deleted') deleteMember(db, r.id);
  else updateMemberWorking(db, r.id, workingColumnsOf(r), 'remove', now);
}

export async function importRoster(readCtx: ReadContext, input: ImportInput, platform: PlatformAccess): Promise<Output<'roster.import'>> {
  const { reading, groups } = await readWithGroups(readCtx, input, platform);
  return readCtx.writes.hold((db) =>
    commitChanges({ ...readCtx, db }, (db) => {
      const p = plan(db, input, reading, groups);
      const rules = rulesOf(db, input.enterpriseId);
      const firstDigitChanged = input.firstDigit !== undefined && input.firstDigit !== rules.firstDigit;
      return {
        changes: [
          {
            entity: 'roster_member',
            outbox: WORKING_COPY,
            id: input.enterpriseId,
            write: (db) => {
              writePlan(db, readCtx, input.enterpriseId, p);
              if (firstDigitChanged)
                saveRules(db, input.enterpriseId, { ...rules, firstDigit: input.firstDigit! }, readCtx.now().toISOString());
            },
            audit: {
              action: 'roster.imported',
              detail: {
                sheet: reading.sheet,
                added: p.added.length,
                changed: p.changed.length,
                removed: p.removed.length,
                refused: p.refused.length,
                ...(firstDigitChanged ? { firstDigit: input.firstDigit } : {}),
              },
            },
          },
        ],
        result: { added: p.added.length, changed: p.changed.length, removed: p.removed.length, refused: p.refused, members: p.members },
      };
    }),
  );
}
