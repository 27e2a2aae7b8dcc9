/** One side of a conflict: the value as text, with what differs from the other side marked. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { INDUSTRY_SECTIONS, industrySection } from '../../../../../shared/domain/industry';
import { diffRuns } from '../state/diff';
import { valueText } from '../state/format';

/** Industry codes with their names (F 批发和零售业); everything else as valueText reads it. */
function displayText(t: TFunction, field: string, value: unknown): string {
  if (field === 'industrySection' && typeof value === 'string') {
    const section = industrySection(value);
    if (section) return `${section.code} ${section.name}`;
  }
  if (field === 'industryDivision' && typeof value === 'string') {
    const division = INDUSTRY_SECTIONS.flatMap((s) => s.divisions).find((d) => d.code === value);
    if (division) return `${division.code} ${division.name}`;
  }
  return valueText(t, field, value);
}

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
  const text = displayText(t, field, value);
  const otherText = other === undefined ? null : displayText(t, field, other);
  const runs = side !== 'base' && otherText !== null && text !== '—' && otherText !== '—' ? diffRuns(text, otherText)?.a : null;
  return (
    <div className={`ecw-sync-value is-${side}`} data-testid={testId}>
      {runs ? runs.map((r, i) => (r.changed ? <mark key={i}>{r.text}</mark> : <span key={i}>{r.text}</span>)) : text}
    </div>
  );
}
