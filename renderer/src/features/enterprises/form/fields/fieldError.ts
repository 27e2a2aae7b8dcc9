/** The Chinese (or English) text of a field's problem: schema keys go through validationText. */
import { get, useFormState, type FieldError, type FieldErrors } from 'react-hook-form';
import { checkCreditCode } from '../../../../../../shared/domain/creditCode';
import { validationText } from '../../../../i18n';
import type { EnterpriseFormValues } from '../formValues';

/** Errors the backend reported are stored already translated, with this type. */
export const SERVER_ERROR = 'server';

/** The first message in an error or in a group of sub-field errors (region.province …). */
function firstError(error: unknown): FieldError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('message' in error && typeof (error as FieldError).message === 'string') return error as FieldError;
  for (const value of Object.values(error)) {
    const found = firstError(value);
    if (found) return found;
  }
  return undefined;
}

export function errorTextOf(error: FieldError | undefined, value?: unknown): string {
  if (!error?.message) return '';
  if (error.type === SERVER_ERROR) return error.message;
  // An empty field is "missing", not "too short" or "not valid".
  if (value === '' && error.message.endsWith('.too_short')) return validationText(error.message.replace(/too_short$/, 'required'));
  if (value === '' && error.message === 'mobile.invalid') return validationText('mobile.empty');
  if (/^region\.(province|city|district)\.required$/.test(error.message)) return validationText('region.required');
  if (error.message === 'credit_code.check' && typeof value === 'string')
    return validationText(error.message, { expectedCheck: checkCreditCode(value).error?.expectedCheck ?? '?' });
  return validationText(error.message);
}

export function useFieldError(name: string, value?: unknown): string {
  const { errors } = useFormState<EnterpriseFormValues>({ name: name as never });
  return errorTextOf(firstError(get(errors as FieldErrors, name)), value);
}
