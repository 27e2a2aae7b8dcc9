/** What the last import made: columns with their item counts, photos matched, problems, what waits in the tray. */
import { Card, Descriptions, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../../shared/api/sites';
import { useBuilder } from '../state/siteStore';

export function ImportSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const select = useBuilder((s) => s.select);
  const photos = report.guesses.filter((g) => g.rule.startsWith('photo.') || g.rule === 'profile.logo').length;
  const items = report.columns.reduce((n, c) => n + c.items, 0);
  return (
    <Card size="small" title={t('sites.intake.summaryTitle')} className="ecw-intake-summary" data-testid="import-summary">
      <Descriptions
        size="small"
        column={4}
        items={[
          {
            key: 'columns',
            label: t('sites.intake.columns'),
            children: <span data-testid="summary-columns">{report.columns.length}</span>,
          },
          { key: 'items', label: t('sites.intake.items'), children: <span data-testid="summary-items">{items}</span> },
          { key: 'photos', label: t('sites.intake.photosMatched'), children: <span data-testid="summary-photos">{photos}</span> },
          { key: 'unsorted', label: t('sites.intake.unsorted'), children: <span data-testid="summary-unsorted">{report.unsorted}</span> },
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={report.columns}
        onRow={(c) => ({ onClick: () => select({ columnId: c.id }, 'content'), className: 'ecw-clickable' })}
        columns={[
          { title: t('sites.column.title'), dataIndex: 'title' },
          {
            title: t('sites.column.type'),
            dataIndex: 'type',
            width: 120,
            render: (type: string) => <Tag>{t(`sites.columnType.${type}`)}</Tag>,
          },
          { title: t('sites.intake.itemCount'), dataIndex: 'items', width: 90, align: 'right' },
        ]}
      />
    </Card>
  );
}
