/** Putting the backend's refusal at the fields it names (invalid_input issues, a duplicate credit code). */
import type { UseFormReturn } from 'react-hook-form';
import type { ApiError } from '../../../../../shared/api';
import { errorText } from '../../../i18n';
import { SERVER_ERROR } from './fields/fieldError';
import { FIELD_ORDER, formFieldOf, type EnterpriseFormValues, type FieldPath } from './formValues';

/** `fields.contact.mobile` (update's input) → `contact.mobile`. */
const stripInputPrefix = (path: string) => path.replace(/^fields\./, '');

/** Marks the fields; returns the first one (to focus), or null when the error belongs to no field. */
export function applyServerError(form: UseFormReturn<EnterpriseFormValues, unknown, unknown>, error: ApiError): FieldPath | null {
  const marked: FieldPath[] = [];
  for (const issue of error.issues ?? []) {
    const path = stripInputPrefix(issue.field);
    const field = formFieldOf(path);
    if (!field) continue;
    form.setError(path as never, { type: 'validate', message: issue.code });
    marked.push(field);
  }
  if (!error.issues?.length && error.field) {
    const path = stripInputPrefix(error.field);
    const field = formFieldOf(path);
    if (field) {
      form.setError(path as never, { type: SERVER_ERROR, message: errorText(error) });
      marked.push(field);
    }
  }
  return FIELD_ORDER.find((f) => marked.includes(f)) ?? null;
}
