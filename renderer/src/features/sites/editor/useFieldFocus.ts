/** "去修改" from the report: once the editor shows the place, bring the named field into view and focus it. */
import { useEffect, type RefObject } from 'react';
import { useBuilder } from '../state/siteStore';
import { findField } from './useDraftEditor';

export function useFieldFocus(root: RefObject<HTMLElement | null>, ready: boolean) {
  const field = useBuilder((s) => s.selection.field);
  useEffect(() => {
    if (!ready || !field) return;
    const timer = setTimeout(() => {
      const el = root.current && findField(root.current, field);
      if (el) {
        el.scrollIntoView({ block: 'center' });
        el.classList.add('ecw-flash');
        setTimeout(() => el.classList.remove('ecw-flash'), 1600);
        el.querySelector<HTMLElement>('input, textarea, [contenteditable="true"]')?.focus();
      }
      const { selection, select } = useBuilder.getState();
      select({ ...selection, field: undefined });
    }, 50);
    return () => clearTimeout(timer);
  }, [field, ready, root]);
}
