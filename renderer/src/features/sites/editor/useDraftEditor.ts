/**
 * Editing one part of the site as a draft: the draft lives in the builder's store (so the previews
 * show it and switching away keeps it), is checked against the model's schema on save, and is
 * dropped only once the backend has stored it. A failed save keeps every character typed.
 */
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { apiErrorOf } from '../../../ui/apiErrors';
import { useShowError } from '../../../ui/apiErrors';
import { validationText } from '../../../i18n';
import { isStale } from '../state/siteStore';
import { releaseTrayEntries } from '../state/trayUse';
import type { TrayPicks } from './richtext/trayPicks';

export type FieldErrors = Record<string, string>;

interface Options<T, S extends z.ZodType> {
  saved: T;
  draft: T | undefined;
  setDraft: (value: T | null) => void;
  schema: S;
  /** Stores the parsed value; resolves when the backend has it. */
  store: (value: z.output<S>) => Promise<unknown>;
  /** Error paths from the backend may carry a prefix (`item.`, `profile.`) to strip. */
  fieldPrefix?: string;
  /** The editor's element, to bring the first wrong field into view. */
  root: RefObject<HTMLElement | null>;
  /** A new item: it stays a draft even while it equals the blank it started from (only discarding ends it). */
  alwaysDraft?: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function issuesToErrors(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= validationText(issue.message);
  }
  return errors;
}

export function focusFirstError(errors: FieldErrors, root: HTMLElement | null): void {
  const first = Object.keys(errors)[0];
  if (first === undefined || !root) return;
  const el = findField(root, first);
  el?.scrollIntoView({ block: 'center' });
  el?.querySelector<HTMLElement>('input, textarea, [contenteditable="true"], .ant-select-selector')?.focus();
}

/** The element for a field path, or for the closest enclosing path that has one. */
export function findField(root: HTMLElement, path: string): HTMLElement | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(parts.slice(0, n).join('.'))}"]`);
    if (el) return el;
  }
  return null;
}

export function useDraftEditor<T, S extends z.ZodType>({
  saved,
  draft,
  setDraft,
  schema,
  store,
  fieldPrefix = '',
  root,
  alwaysDraft = false,
}: Options<T, S>) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const showError = useShowError();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [checked, setChecked] = useState(false);
  const [saving, setSaving] = useState(false);
  const picked = useRef(new Set<string>());
  const value = draft ?? saved;

  const check = useCallback(
    (v: T): FieldErrors => {
      const parsed = schema.safeParse(v);
      return parsed.success ? {} : issuesToErrors(parsed.error.issues);
    },
    [schema],
  );

  const change = useCallback(
    (next: T) => {
      setDraft(!alwaysDraft && same(next, saved) ? null : next);
      if (checked) setErrors(check(next));
    },
    [saved, setDraft, checked, check, alwaysDraft],
  );

  const save = useCallback(async () => {
    const parsed = schema.safeParse(value);
    setChecked(true);
    if (!parsed.success) {
      const found = issuesToErrors(parsed.error.issues);
      setErrors(found);
      focusFirstError(found, root.current);
      void message.error({ content: t('sites.editor.fixErrors'), key: 'draft-invalid' });
      return false;
    }
    setErrors({});
    setSaving(true);
    try {
      await store(parsed.data);
      setDraft(null);
      setChecked(false);
      void message.success({ content: t('sites.editor.saved'), key: 'draft-saved', duration: 1.5 });
      const entries = [...picked.current];
      picked.current.clear();
      void releaseTrayEntries(entries);
      return true;
    } catch (error) {
      if (isStale(error)) return false;
      const api = apiErrorOf(error);
      if (api.issues?.length) {
        const strip = (f: string) => (fieldPrefix && f.startsWith(fieldPrefix) ? f.slice(fieldPrefix.length) : f);
        const found = Object.fromEntries(api.issues.map((i) => [strip(i.field), validationText(i.code)]));
        setErrors(found);
        focusFirstError(found, root.current);
      }
      showError(error);
      return false;
    } finally {
      setSaving(false);
    }
  }, [schema, value, store, setDraft, message, t, showError, fieldPrefix, root]);

  const discard = useCallback(() => {
    setDraft(null);
    setErrors({});
    setChecked(false);
  }, [setDraft]);

  const trayPicks: TrayPicks = useMemo(() => ({ add: (id: string) => picked.current.add(id) }), []);

  return { value, change, save, discard, errors, saving, dirty: draft !== undefined, trayPicks };
}
