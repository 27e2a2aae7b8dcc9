/** How sync values read on screen: times, sizes, field names and field values. */
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { SyncConflict } from '../../../../../shared/api/sync';

/** 14:32 today, 03-18 14:32 this year, 2025-12-30 14:32 before. */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = dayjs(iso);
  const now = dayjs();
  if (at.isSame(now, 'day')) return at.format('HH:mm');
  if (at.isSame(now, 'year')) return at.format('MM-DD HH:mm');
  return at.format('YYYY-MM-DD HH:mm');
}

export const fullTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const percent = (done: number, total: number | null | undefined): number =>
  total && total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;

/** A field's name in the user's language (falls back to the wire name). */
export const fieldLabel = (t: TFunction, field: string): string => t(`sync.field.${field}`, { defaultValue: field });

export const tableLabel = (t: TFunction, tbl: string): string => t(`sync.table.${tbl}`, { defaultValue: tbl });

/** The key of a conflict's words: a refused record made on this device is not a change "no longer allowed". */
export const conflictTextKey = (c: Pick<SyncConflict, 'kind' | 'opKind'>): string =>
  c.kind === 'forbidden' && c.opKind === 'create' ? 'forbidden_create' : c.kind;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as one line of text: groups joined (地区 山东省 济南市 历下区), empty as —. */
export function valueText(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return field === 'channel' ? t(`channel.${value}`, { defaultValue: value }) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return t('sync.value.items', { count: value.length });
  if (isPlainObject(value)) {
    if (field === 'region') return [value.province, value.city, value.district].filter(Boolean).join(' ');
    if (field === 'contact') return [value.name, value.mobile, value.email].filter(Boolean).join('  ');
    if (field === 'content') return t('sync.value.content');
    return Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${fieldLabel(t, `${field}_${k}`)}：${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join('；');
  }
  return JSON.stringify(value);
}

/** Values a person can edit in a small form: text, a number, or a group of those. */
export function isEditable(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'number') return true;
  return isPlainObject(value) && Object.values(value).every((v) => v === null || typeof v === 'string' || typeof v === 'number');
}

export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
