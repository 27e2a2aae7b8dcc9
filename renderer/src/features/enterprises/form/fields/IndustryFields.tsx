/** 行业: GB/T 4754 门类 (A–T) then its 大类; changing the 门类 clears a 大类 that no longer fits. */
import { Col, Select } from 'antd';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { INDUSTRY_SECTIONS, industrySection, isIndustryDivisionOf } from '../../../../../../shared/domain/industry';
import type { EnterpriseFormValues } from '../formValues';
import { FormField } from './FormField';
import { useFieldError } from './fieldError';

const SECTION_OPTIONS = INDUSTRY_SECTIONS.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }));
const SEARCH = { optionFilterProp: 'label' };

export function IndustryFields() {
  const { t } = useTranslation();
  const { control, getValues, setValue } = useFormContext<EnterpriseFormValues>();
  const section = useWatch({ control, name: 'industrySection' });
  const sectionError = useFieldError('industrySection');
  const divisionError = useFieldError('industryDivision');
  const found = industrySection(section ?? '')?.divisions.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` })) ?? [];
  // "None" is an option rather than a clear button, which would add a stop to the Tab order.
  const divisions = found.length ? [{ value: '', label: t('enterprises.form.industryDivisionNone') }, ...found] : [];

  return (
    <>
      <Col xs={24} md={12}>
        <FormField id="ent-industrySection" label={t('enterprises.field.industrySection')} required error={sectionError}>
          <Controller
            control={control}
            name="industrySection"
            render={({ field }) => (
              <Select
                ref={field.ref}
                id="ent-industrySection"
                value={field.value || undefined}
                onBlur={field.onBlur}
                onChange={(code: string) => {
                  field.onChange(code);
                  const division = getValues('industryDivision');
                  if (division && !isIndustryDivisionOf(code, division)) setValue('industryDivision', '', { shouldDirty: true });
                }}
                options={SECTION_OPTIONS}
                showSearch={SEARCH}
                placeholder={t('enterprises.form.industrySectionPlaceholder')}
                status={sectionError ? 'error' : undefined}
                aria-invalid={Boolean(sectionError)}
              />
            )}
          />
        </FormField>
      </Col>
      <Col xs={24} md={12}>
        <FormField id="ent-industryDivision" label={t('enterprises.field.industryDivision')} error={divisionError}>
          <Controller
            control={control}
            name="industryDivision"
            render={({ field }) => (
              <Select
                ref={field.ref}
                id="ent-industryDivision"
                value={field.value || undefined}
                onBlur={field.onBlur}
                onChange={(code: string) => field.onChange(code)}
                options={divisions}
                disabled={divisions.length === 0}
                showSearch={SEARCH}
                placeholder={t(
                  divisions.length ? 'enterprises.form.industryDivisionPlaceholder' : 'enterprises.form.industryDivisionFirst',
                )}
                status={divisionError ? 'error' : undefined}
              />
            )}
          />
        </FormField>
      </Col>
    </>
  );
}
