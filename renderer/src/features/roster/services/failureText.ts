/** A refused save's text: each field problem the schema found, else the error's own text. */
import { validationText } from '../../../i18n';
import { apiErrorOf, apiErrorText } from '../../../ui/apiErrors';

export function failureText(error: unknown): string {
  const issues = apiErrorOf(error).issues;
  return issues?.length ? [...new Set(issues.map((i) => validationText(i.code)))].join('；') : apiErrorText(error);
}
