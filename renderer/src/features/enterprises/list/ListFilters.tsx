/** The list's filters and order: platform status, plan, region (city), and how the rows are sorted. */
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ENTERPRISE_LIST_STATUSES } from '../../../../../shared/api/enterprises';
import { REGIONS } from '../../../../../shared/domain/regions';
import { useApiQuery } from '../../../api/hooks';
import type { ListParams, ListSort } from './listParams';

/** Every city as "province/city"; a municipality is named by itself (北京市, not 市辖区). */
const CITY_OPTIONS = REGIONS.flatMap((p) =>
  (p.children ?? []).map((c) => ({ value: `${p.name}/${c.name}`, label: c.name === '市辖区' ? p.name : `${c.name}（${p.name}）` })),
);

const SORTS: ListSort[] = ['updated', 'name', 'created'];

interface Props {
  params: ListParams;
  onChange: (change: Partial<ListParams>) => void;
}

type FilterKey = 'status' | 'planCode' | 'region';

export function ListFilters({ params, onChange }: Props) {
  const { t } = useTranslation();
  const catalog = useApiQuery('catalog.current', {});
  const filters: { key: FilterKey; name: string; options: { value: string; label: string }[]; search?: boolean }[] = [
    { key: 'status', name: 'status', options: ENTERPRISE_LIST_STATUSES.map((s) => ({ value: s, label: t(`enterprises.status.${s}`) })) },
    {
      key: 'planCode',
      name: 'plan',
      options: [
        { value: 'none', label: t('enterprises.list.noPlan') },
        ...(catalog.data?.plans ?? []).map((p) => ({ value: p.code, label: p.name })),
      ],
    },
    { key: 'region', name: 'region', options: CITY_OPTIONS, search: true },
  ];
  return (
    <>
      {filters.map(({ key, name, options, search }) => (
        <Select<string>
          key={key}
          allowClear
          popupMatchSelectWidth={false}
          className="ecw-list-filter"
          {...(search ? { showSearch: { optionFilterProp: 'label' } } : {})}
          value={params[key]}
          placeholder={t(`enterprises.list.all.${name}`)}
          aria-label={t(`enterprises.list.filterBy.${name}`)}
          options={options}
          onChange={(value) => onChange({ [key]: value } as Partial<ListParams>)}
          data-testid={`filter-${name}`}
        />
      ))}
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
