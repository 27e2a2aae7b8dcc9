import { Input } from 'antd';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { EnterpriseFormValues } from '../formValues';
import { FormField } from './FormField';
import { useFieldError } from './fieldError';

type TextPath =
  | 'name'
  | 'address'
  | 'contact.name'
  | 'contact.email'
  | 'manager'
  | `licence.${'type' | 'legalRepresentative' | 'registeredCapital' | 'establishedOn'}`;

interface Props {
  name: TextPath;
  label: string;
  required?: boolean;
  maxLength?: number;
  autoComplete?: string;
  placeholder?: string;
  type?: string;
}

export const fieldId = (name: string) => `ent-${name.replace('.', '-')}`;

export function TextField({ name, label, required, maxLength, autoComplete = 'off', placeholder, type }: Props) {
  const { control } = useFormContext<EnterpriseFormValues>();
  const error = useFieldError(name, useWatch({ control, name }));
  const { t } = useTranslation();
  return (
    <FormField id={fieldId(name)} label={t(label)} required={required} error={error}>
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <Input
            {...field}
            id={fieldId(name)}
            type={type}
            value={field.value ?? ''}
            maxLength={maxLength}
            autoComplete={autoComplete}
            placeholder={placeholder ? t(placeholder) : undefined}
            status={error ? 'error' : undefined}
            aria-invalid={Boolean(error)}
          />
        )}
      />
    </FormField>
  );
}
