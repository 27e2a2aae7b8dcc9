/** One row of the enterprise table (the benchmark waits for `data-testid="enterprise-row"`). */
import { memo, type CSSProperties } from 'react';
import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { EnterpriseListRow } from '../../../../../shared/domain/enterprise';

interface Props {
  row: EnterpriseListRow;
  /** The active plan's name (null: none). */
  planName: string | null;
  index: number;
  style: CSSProperties;
  selected: boolean;
  onClick: () => void;
}

/** 市辖区 says nothing: a municipality's district alone is the useful part. */
export const regionLabel = (city: string, district: string) => (city === '市辖区' ? district : `${city} ${district}`);

const STATUS_COLOR: Record<string, string> = { registered: 'blue', opening: 'processing', opened: 'green', cancelled: 'default' };

export const EnterpriseTableRow = memo(function EnterpriseTableRow({ row, planName, index, style, selected, onClick }: Props) {
  const { t } = useTranslation();
  return (
    <div
      className={`ecw-etable-row ecw-etable-item${selected ? ' is-selected' : ''}`}
      role="row"
      aria-rowindex={index + 1}
      aria-selected={selected}
      data-testid="enterprise-row"
      data-id={row.id}
      style={style}
      onClick={onClick}
    >
      <span role="gridcell" className="ecw-etable-name" title={row.name}>
        {row.name}
      </span>
      <span role="gridcell" className="ecw-mono">
        {row.creditCode}
      </span>
      <span role="gridcell">
        {row.contactName} <span className="ecw-mono ecw-muted">{row.contactMobile}</span>
      </span>
      <span role="gridcell">{regionLabel(row.city, row.district)}</span>
      <span role="gridcell" title={`${row.manager} · ${t(`channel.${row.channel}`)}`}>
        {row.manager} <span className="ecw-muted">{t(`channel.${row.channel}`)}</span>
      </span>
      <span role="gridcell" className="ecw-etable-plan" data-testid="enterprise-plan-status">
        {row.localDraft ? (
          <Tooltip title={t('enterprises.list.localDraftWhy')}>
            <Tag color="orange" className="ecw-etable-status" data-testid="enterprise-local-draft">
              {t('enterprises.list.localDraft')}
            </Tag>
          </Tooltip>
        ) : (
          <Tag color={STATUS_COLOR[row.status ?? ''] ?? 'default'} className="ecw-etable-status">
            {t(`enterprises.status.${row.status ?? 'local'}`)}
          </Tag>
        )}
        <span title={planName ?? undefined}>{planName ?? <span className="ecw-muted">{t('enterprises.list.noPlan')}</span>}</span>
      </span>
      <span role="gridcell" className="ecw-muted">
        {dayjs(row.updatedAt).format('YYYY-MM-DD HH:mm')}
      </span>
    </div>
  );
});

export function PlaceholderRow({ style }: { style: CSSProperties }) {
  return (
    <div className="ecw-etable-row ecw-etable-item is-placeholder" role="row" style={style} aria-busy>
      <span className="ecw-skeleton" />
    </div>
  );
}
