/**
 * 所在地区: province / city / district from the national division list. Typing "历下" lists the
 * matching paths; Enter takes the highlighted one, or the first when none is highlighted.
 */
import { useState, type KeyboardEvent } from 'react';
import { Cascader } from 'antd';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { REGIONS, type RegionNode } from '../../../../../../shared/domain/regions';
import type { EnterpriseFormValues } from '../formValues';
import { FormField } from './FormField';
import { useFieldError } from './fieldError';

interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

const toOption = (node: RegionNode): RegionOption => ({
  value: node.name,
  label: node.name,
  ...(node.children?.length ? { children: node.children.map(toOption) } : {}),
});
const OPTIONS = REGIONS.map(toOption);
const POPUP_CLASS = 'ecw-region-popup';

function matches(input: string, path: RegionOption[]): boolean {
  const words = input.trim().split(/\s+/);
  return words.every((w) => path.some((o) => o.label.includes(w)));
}

/** The first full path (province, city, district) the search shows. */
function firstMatch(input: string, options = OPTIONS, parents: RegionOption[] = []): string[] | null {
  for (const option of options) {
    const path = [...parents, option];
    if (option.children) {
      const found = firstMatch(input, option.children, path);
      if (found) return found;
    } else if (matches(input, path)) return path.map((o) => o.value);
  }
  return null;
}

export function RegionField() {
  const { t } = useTranslation();
  const { control } = useFormContext<EnterpriseFormValues>();
  const error = useFieldError('region');
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');

  return (
    <FormField id="ent-region" label={t('enterprises.field.region')} required error={error}>
      <Controller
        control={control}
        name="region"
        render={({ field }) => {
          const { province, city, district } = field.value ?? { province: '', city: '', district: '' };
          const value = province ? [province, city, district].filter(Boolean) : undefined;
          const choose = (path: string[] | undefined) => {
            const [p = '', c = '', d = ''] = path ?? [];
            field.onChange({ province: p, city: c, district: d });
          };
          const takeFirstOnEnter = (event: KeyboardEvent) => {
            if (event.key !== 'Enter' || !open || !search.trim()) return;
            if (document.querySelector(`.${POPUP_CLASS} .ant-cascader-menu-item-active`)) return;
            const path = firstMatch(search);
            if (!path) return;
            event.preventDefault();
            event.stopPropagation();
            choose(path);
            setSearch('');
            setOpen(false);
          };
          return (
            <div onKeyDownCapture={takeFirstOnEnter}>
              <Cascader<RegionOption>
                ref={field.ref}
                id="ent-region"
                options={OPTIONS}
                value={value}
                open={open}
                onOpenChange={setOpen}
                onBlur={field.onBlur}
                onChange={(path) => choose(path as string[] | undefined)}
                showSearch={{ filter: matches, limit: 60, searchValue: search, onSearch: setSearch }}
                allowClear={false}
                classNames={{ popup: { root: POPUP_CLASS } }}
                placeholder={t('enterprises.form.regionPlaceholder')}
                status={error ? 'error' : undefined}
                style={{ width: '100%' }}
              />
            </div>
          );
        }}
      />
    </FormField>
  );
}
