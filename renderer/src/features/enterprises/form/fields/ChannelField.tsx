/** 受理渠道: four fixed choices, shown side by side (arrow keys change the choice). */
import { Radio } from 'antd';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SALES_CHANNELS } from '../../../../../../shared/domain/enterprise';
import type { EnterpriseFormValues } from '../formValues';
import { FormField } from './FormField';
import { useFieldError } from './fieldError';

export function ChannelField() {
  const { t } = useTranslation();
  const { control } = useFormContext<EnterpriseFormValues>();
  const error = useFieldError('channel');
  return (
    <FormField id="ent-channel" label={t('enterprises.field.channel')} required error={error}>
      <Controller
        control={control}
        name="channel"
        render={({ field }) => (
          <Radio.Group
            id="ent-channel"
            ref={field.ref}
            value={field.value}
            onChange={(e) => field.onChange(e.target.value)}
            optionType="button"
            options={SALES_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          />
        )}
      />
    </FormField>
  );
}
