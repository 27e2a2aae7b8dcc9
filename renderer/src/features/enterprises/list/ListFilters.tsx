/** The list's filters and order: platform status, plan, region (city), and how the rows are sorted. */
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ENTERPRISE_LIST_STATUSES } from '../../../../../shared/api/enterprises';
import { REGIONS } from '../../../../../shared/domain/regions';
import { useApiQuery } from '../../../api/hooks';
import type { ListParams, ListSort, ListStatus } from './listParams';

/** Every city as "province/city"; a municipality is named by itself (北京市, not 市辖区). */
const CITY_OPTIONS = REGIONS.flatMap((p) => (p.children ?? []).map((c) => ({ value: `${p.name}/${c.name}`, label: c.name === '市辖区' ? p.name : `${c.name}（${p.name}）` })));

const SORTS: ListSort[] = ['updated', 'name', 'created'];

interface Props {
  params: ListParams;
  onChange: (change: Partial<ListParams>) => void;
}

export function ListFilters({ params, onChange }: Props) {
  const { t } = useTranslation();
  const catalog = useApiQuery('catalog.current', {});
  const plans = [{ value: 'none', label: t('enterprises.list.noPlan') }, ...(catalog.data?.plans ?? []).map((p) => ({ value: p.code, label: p.name }))];
  const common = { allowClear: true, popupMatchSelectWidth: false, className: 'ecw-list-filter' } as const;
  return (
    <>
      <Select<ListStatus>
        {...common}
        value={params.status}
        placeholder={t('enterprises.list.allStatuses')}
        aria-label={t('enterprises.list.statusFilter')}
        options={ENTERPRISE_LIST_STATUSES.map((s) => ({ value: s, label: t(`enterprises.status.${s}`) }))}
        onChange={(status) => onChange({ status })}
        data-testid="filter-status"
      />
      <Select<string>
        {...common}
        value={params.planCode}
        placeholder={t('enterprises.list.allPlans')}
        aria-label={t('enterprises.list.planFilter')}
        options={plans}
        onChange={(planCode) => onChange({ planCode })}
        data-testid="filter-plan"
      />
      <Select<string>
        {...common}
        showSearch={{ optionFilterProp: 'label' }}
        value={params.region}
        placeholder={t('enterprises.list.allRegions')}
        aria-label={t('enterprises.list.regionFilter')}
        options={CITY_OPTIONS}
        onChange={(region) => onChange({ region })}
        data-testid="filter-region"
      />
      <Select<ListSort>
        className="ecw-list-filter"
        popupMatchSelectWidth={false}
        value={params.sort}
        aria-label={t('enterprises.list.sort')}
        options={SORTS.map((s) => ({ value: s, label: t(`enterprises.list.sortBy.${s}`) }))}
        onChange={(sort) => onChange({ sort })}
        data-testid="filter-sort"
      />
    </>
  );
}
