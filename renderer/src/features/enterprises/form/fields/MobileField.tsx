/** The contact's mobile: mainland rules; a China Mobile prefix is a hint only (numbers can be ported). */
import { Input } from 'antd';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { checkMobile } from '../../../../../../shared/domain/mobile';
import type { EnterpriseFormValues } from '../formValues';
import { FormField } from './FormField';
import { useFieldError } from './fieldError';

export function MobileField() {
  const { t } = useTranslation();
  const { control } = useFormContext<EnterpriseFormValues>();
  const value = useWatch({ control, name: 'contact.mobile' }) ?? '';
  const error = useFieldError('contact.mobile', value);
  const check = checkMobile(value);
  const hint = check.valid
    ? check.chinaMobilePrefix
      ? t('enterprises.form.chinaMobile')
      : t('enterprises.form.notChinaMobile')
    : undefined;
  return (
    <FormField id="ent-contact-mobile" label={t('enterprises.field.contactMobile')} required error={error} hint={hint}>
      <Controller
        control={control}
        name="contact.mobile"
        render={({ field }) => (
          <Input
            {...field}
            id="ent-contact-mobile"
            inputMode="tel"
            autoComplete="off"
            maxLength={20}
            className="ecw-mono"
            status={error ? 'error' : undefined}
            aria-invalid={Boolean(error)}
          />
        )}
      />
    </FormField>
  );
}
