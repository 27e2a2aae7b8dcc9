/**
 * One line of rich text (a paragraph, heading, list item or table cell) edited in place. Bold and
 * italic come from the browser's editing commands (Ctrl+B, Ctrl+I, the toolbar); pasted content is
 * inserted as plain text; the DOM is read back into runs after every change.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Run } from '../../../../../../shared/sites/model';
import { domToRuns, runsEqual, runsToDom } from './runsDom';

interface Props {
  runs: Run[];
  onChange: (runs: Run[]) => void;
  placeholder?: string;
  className?: string;
  /** Enter at the end: the caller adds the next line (paragraph, list item). */
  onEnter?: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
  label?: string;
  autoFocus?: boolean;
  testId?: string;
}

export function RunsEditor({ runs, onChange, placeholder, className, onEnter, onKeyDown, label, autoFocus, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useRef<Run[] | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (shown.current && runsEqual(shown.current, runs)) return;
    runsToDom(el, runs);
    shown.current = runs;
  }, [runs]);

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  const read = () => {
    const el = ref.current;
    if (!el) return;
    const next = domToRuns(el);
    shown.current = next;
    if (!runsEqual(next, runs)) onChange(next);
  };

  const keyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (!event.shiftKey) onEnter?.();
    }
  };

  return (
    <div
      ref={ref}
      role="textbox"
      aria-label={label}
      aria-multiline="false"
      contentEditable
      suppressContentEditableWarning
      className={`ecw-runs${className ? ` ${className}` : ''}`}
      data-placeholder={placeholder}
      data-testid={testId}
      onInput={read}
      onBlur={read}
      onKeyDown={keyDown}
      onPaste={(event) => {
        event.preventDefault();
        const text = event.clipboardData.getData('text/plain').replace(/\s*\n\s*/g, ' ');
        document.execCommand('insertText', false, text);
      }}
      onDrop={(event) => event.preventDefault()}
    />
  );
}
