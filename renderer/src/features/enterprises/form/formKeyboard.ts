/** Counter-speed keys for the form: Enter goes to the next field, Ctrl+Enter saves, Esc cancels. */
import type { KeyboardEvent } from 'react';

const FIELD_SELECTOR = 'input:not([disabled]):not([type=hidden]), textarea:not([disabled])';

/** The inputs a user fills, in page order; of a radio group only its checked button counts. */
function fieldsOf(form: HTMLElement): HTMLElement[] {
  return [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(FIELD_SELECTOR)].filter(
    (el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) && el.offsetParent !== null,
  );
}

function focusNext(form: HTMLElement, current: HTMLElement): void {
  const fields = fieldsOf(form);
  const next = fields[fields.indexOf(current) + 1];
  next?.focus();
}

const isOpenDropdown = (el: HTMLElement) => el.getAttribute('role') === 'combobox' && el.getAttribute('aria-expanded') === 'true';

export function formKeyHandler(actions: { submit: () => void; cancel: () => void }) {
  return (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      actions.submit();
    } else if (event.key === 'Escape') {
      if (isOpenDropdown(target) || event.defaultPrevented) return;
      event.preventDefault();
      actions.cancel();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      if (target.tagName === 'TEXTAREA') {
        // The last field: Enter saves, Shift+Enter makes a new line.
        event.preventDefault();
        actions.submit();
      } else if (target.tagName === 'INPUT' && target.getAttribute('role') !== 'combobox') {
        event.preventDefault();
        focusNext(event.currentTarget, target);
      }
    }
  };
}
