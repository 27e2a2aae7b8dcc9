/** Small helpers for the keyboard shortcuts that make the counter fast. */

/** True when the key went to something the user types into (so `/` must not be stolen from it). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Ctrl+N (Electron) or Alt+N (browsers keep Ctrl+N for a new window). */
export function isNewShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.altKey) && !event.shiftKey && (event.key === 'n' || event.key === 'N' || event.code === 'KeyN');
}
