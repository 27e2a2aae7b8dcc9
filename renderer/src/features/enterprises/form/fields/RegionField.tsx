/**
 * 所在地区: province / city / district from the national division list. Typing "历下" lists the
 * matching paths; Enter takes the highlighted one, or the first when none is highlighted.
 */
import { useState, type KeyboardEvent } from 'react';
import { Cascader } from 'antd';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { inAccountScope, REGIONS, type RegionNode } from '../../../../../../shared/domain/regions';
import { useApiQuery } from '../../../../api/hooks';
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

/**
 * A warning when the region is outside the platform account's scope: the platform would refuse
 * the enterprise at the next sync ("无权修改"), so say it now, while the form is open.
 */
function useScopeWarning(region: EnterpriseFormValues['region'] | undefined): string | undefined {
  const { t } = useTranslation();
  const account = useApiQuery('sync.status', {}).data?.account;
  if (!account || !region?.province || !region.city || inAccountScope(account, region)) return undefined;
  const scope = [account.region.province, account.region.city].filter(Boolean).join('') || t('enterprises.form.noScope');
  return t('enterprises.form.outOfScope', {
    account: account.name,
    login: account.login,
    scope,
    region: `${region.province}${region.city}`,
  });
}

export function RegionField() {
  const { t } = useTranslation();
  const { control } = useFormContext<EnterpriseFormValues>();
  const error = useFieldError('region');
  const warning = useScopeWarning(useWatch({ control, name: 'region' }));
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');

  return (
    <FormField id="ent-region" label={t('enterprises.field.region')} required error={error} warning={warning}>
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
