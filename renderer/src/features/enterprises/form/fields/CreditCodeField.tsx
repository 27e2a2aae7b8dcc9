/**
 * 统一社会信用代码: normalized as typed (upper case, no spaces, full width as ASCII) and never longer
 * than its 18 characters, checked as soon as it has them (naming the expected check character), and
 * looked up so a code already registered is flagged at once.
 */
import { Input } from 'antd';
import { Link } from 'react-router';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { checkCreditCode, normalizeCreditCode } from '../../../../../../shared/domain/creditCode';
import { useApiQuery } from '../../../../api/hooks';
import { useDebouncedValue } from '../../../../ui/useDebouncedValue';
import type { EnterpriseFormValues } from '../formValues';
import { FormField } from './FormField';
import { useFieldError } from './fieldError';

const LENGTH = 18;
const CODE_IN_TEXT = /[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}/;

/** What the box keeps of what was typed or pasted: the code inside a longer paste ("代码：9137…"), else the first 18 characters. */
export function creditCodeInput(text: string): string {
  const normalized = normalizeCreditCode(text);
  if (normalized.length <= LENGTH) return normalized;
  return CODE_IN_TEXT.exec(normalized)?.[0] ?? normalized.slice(0, LENGTH);
}

/** The enterprise already registered under this code, if any (excluding the one being edited). */
function useDuplicate(code: string, excludeId: string | undefined) {
  const valid = checkCreditCode(code).valid;
  const found = useApiQuery('enterprises.findByCreditCode', { creditCode: code, ...(excludeId ? { excludeId } : {}) }, { enabled: valid });
  return valid ? (found.data ?? null) : null;
}

export function CreditCodeField({ excludeId }: { excludeId?: string }) {
  const { t } = useTranslation();
  const { control, trigger, getFieldState } = useFormContext<EnterpriseFormValues>();
  const value = useWatch({ control, name: 'creditCode' }) ?? '';
  const normalized = normalizeCreditCode(value);
  const error = useFieldError('creditCode', value);
  const duplicate = useDuplicate(useDebouncedValue(normalized, 250), excludeId);

  const link = duplicate && (
    <Link to={`/enterprises/${duplicate.id}`} data-testid="duplicate-link">
      {t('enterprises.form.openExisting')}
    </Link>
  );
  const warning = duplicate && (
    <>
      {t('enterprises.form.duplicateWarning', { name: duplicate.name })} {link}
    </>
  );

  return (
    <FormField
      id="ent-creditCode"
      label={t('enterprises.field.creditCode')}
      required
      error={
        error &&
        (duplicate ? (
          <>
            {error} {link}
          </>
        ) : (
          error
        ))
      }
      warning={warning}
      hint={t('enterprises.form.creditCodeHint')}
    >
      <Controller
        control={control}
        name="creditCode"
        render={({ field }) => (
          <Input
            {...field}
            id="ent-creditCode"
            className="ecw-mono"
            autoComplete="off"
            spellCheck={false}
            status={error ? 'error' : duplicate ? 'warning' : undefined}
            aria-invalid={Boolean(error)}
            suffix={
              <span className="ecw-muted">
                {normalized.length}/{LENGTH}
              </span>
            }
            onChange={(e) => {
              const next = creditCodeInput(e.target.value);
              field.onChange(next);
              // Check at once when the code is complete, even before the field is left.
              if (next.length >= LENGTH || getFieldState('creditCode').error) void trigger('creditCode');
            }}
          />
        )}
      />
    </FormField>
  );
}
