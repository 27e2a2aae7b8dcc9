/** One side of a conflict: the value as text, with what differs from the other side marked. */
import { useTranslation } from 'react-i18next';
import { diffRuns } from '../state/diff';
import { valueText } from '../state/format';

interface Props {
  field: string;
  value: unknown;
  /** The other side, to mark what differs (strings and groups). */
  other?: unknown;
  side: 'mine' | 'theirs' | 'base';
  testId?: string;
}

export function ValueView({ field, value, other, side, testId }: Props) {
  const { t } = useTranslation();
  const text = valueText(t, field, value);
  const otherText = other === undefined ? null : valueText(t, field, other);
  const runs = side !== 'base' && otherText !== null && text !== '—' && otherText !== '—' ? diffRuns(text, otherText)?.a : null;
  return (
    <div className={`ecw-sync-value is-${side}`} data-testid={testId}>
      {runs
        ? runs.map((r, i) => (r.changed ? <mark key={i}>{r.text}</mark> : <span key={i}>{r.text}</span>))
        : text}
    </div>
  );
}
