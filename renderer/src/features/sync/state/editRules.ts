/**
 * Checks an edited conflict value with the platform's own field rules (shared/platform-api), so a
 * mistake is shown here in the user's language instead of coming back from the platform as a
 * rejection. Returns the value as the platform will store it (trimmed, normalised) or the problems.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { enterpriseFieldSchemas } from '../../../../../shared/platform-api/tables';
import { validationText } from '../../../i18n';

export type EditProblems = Record<string, string>;

const RULES: Record<string, Record<string, z.ZodType>> = { enterprise: enterpriseFieldSchemas };

function issueText(t: TFunction, issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small') return t('sync.edit.tooShort', { min: Number(issue.minimum) });
  if (issue.code === 'too_big') return t('sync.edit.tooLong', { max: Number(issue.maximum) });
  if (issue.code === 'invalid_format' || issue.code === 'invalid_union') return t('sync.edit.badFormat');
  return validationText(issue.message);
}

export function checkEdit(t: TFunction, tbl: string, field: string, value: unknown): { value: unknown } | { problems: EditProblems } {
  const schema = RULES[tbl]?.[field];
  if (!schema) return { value };
  if (value === '' && schema.safeParse(null).success) return { value: null };
  const parsed = schema.safeParse(value);
  if (parsed.success) return { value: parsed.data };
  const problems: EditProblems = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '';
    problems[key] ??= issueText(t, issue);
  }
  return { problems };
}
