/** What an import would change, before anything is saved: the columns as read (adjustable), and added, changed, removed and refused rows. */
import { Alert, Button, Select, Space, Statistic, Table, Tabs, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ALL_SHEETS,
  ROSTER_FIELDS,
  type ColumnMapping,
  type ImportPreview,
  type PreviewMember,
  type RefusedRow,
  type RosterField,
} from '../../../../../shared/domain/roster';

interface Props {
  preview: ImportPreview;
  loading: boolean;
  importing: boolean;
  onSheet: (sheet: string) => void;
  onMapping: (mapping: ColumnMapping) => void;
  onBack: () => void;
  onImport: () => void;
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export const columnLetter = (index: number): string =>
  (index >= 26 ? columnLetter(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

function Mapping({ preview, onMapping }: Pick<Props, 'preview' | 'onMapping'>) {
  const { t } = useTranslation();
  const options = [
    { value: -1, label: t('roster.import.notImported') },
    ...preview.columns.map((c) => ({
      value: c.index,
      label: `${columnLetter(c.index)} ${c.header || ''}${c.samples.length ? `（${c.samples.join('、')}）` : ''}`,
    })),
  ];
  return (
    <div className="ecw-roster-mapping">
      {ROSTER_FIELDS.map((field: RosterField) => (
        <label key={field} className="ecw-roster-mapping-field">
          <span>{t(`roster.field.${field}`)}</span>
          <Select
            size="small"
            value={preview.mapping[field] ?? -1}
            options={options}
            popupMatchSelectWidth={false}
            style={{ width: 220 }}
            aria-label={t(`roster.field.${field}`)}
            onChange={(value: number) => onMapping({ ...preview.mapping, [field]: value < 0 ? null : value })}
            data-testid={`mapping-${field}`}
          />
        </label>
      ))}
    </div>
  );
}

function refusalText(t: (key: string, options?: Record<string, unknown>) => string, r: RefusedRow): string {
  return t(`roster.refused.${r.code}`, { carrier: r.carrier ?? t('roster.otherCarrier'), sameAsRow: r.sameAsRow, defaultValue: r.message });
}

/** Where a row is: its number, after its sheet's name when several sheets are imported together. */
const rowPlace = (r: { row: number; sheet?: string }) => (r.sheet ? `${r.sheet} · ${r.row}` : r.row);

/** One tab of the preview: its rows in a table of 50 a page. */
function previewTab<Row extends object>(
  key: string,
  label: string,
  rows: Row[],
  rowKey: TableProps<Row>['rowKey'],
  columns: TableColumnsType<Row>,
  testId?: string,
) {
  return {
    key,
    label,
    children: (
      <Table<Row> size="small" rowKey={rowKey} dataSource={rows} columns={columns} pagination={{ pageSize: 50 }} data-testid={testId} />
    ),
  };
}

export function PreviewView({ preview, loading, importing, onSheet, onMapping, onBack, onImport }: Props) {
  const { t } = useTranslation();
  const placeWidth = preview.sheet === ALL_SHEETS ? 140 : 70;
  const memberColumns = [
    { title: t('roster.import.row'), key: 'row', width: placeWidth, render: (_: unknown, m: PreviewMember) => rowPlace(m) },
    { title: t('roster.field.name'), dataIndex: 'name', width: 110 },
    { title: t('roster.field.mobile'), dataIndex: 'mobile', width: 130 },
    { title: t('roster.field.department'), dataIndex: 'department', width: 110 },
    { title: t('roster.field.title'), dataIndex: 'title', width: 100 },
    {
      title: t('roster.field.shortNumber'),
      key: 'short',
      render: (_: unknown, m: PreviewMember) => (
        <>
          <span className="ecw-roster-number">{m.shortNumber}</span>
          {m.numberNote ? <Typography.Text type="warning"> {t(`roster.numberNote.${m.numberNote}`)}</Typography.Text> : null}
        </>
      ),
    },
  ];
  const changes = preview.added.length + preview.changed.length + preview.removed.length;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="roster-preview">
      <Space wrap>
        {preview.sheets.length > 1 ? (
          <Select
            aria-label={t('roster.import.sheet')}
            value={preview.sheet}
            onChange={onSheet}
            options={preview.sheets.map((s) => ({ value: s, label: s === ALL_SHEETS ? t('roster.import.allSheets') : s }))}
            style={{ width: 200 }}
          />
        ) : null}
        <Typography.Text type="secondary">
          {preview.headerRow ? t('roster.import.headerRow', { row: preview.headerRow }) : t('roster.import.noHeader')}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="roster-groups-checked">
          {t(`roster.import.groupsChecked.${preview.otherGroupsChecked}`)}
        </Typography.Text>
      </Space>
      <Mapping preview={preview} onMapping={onMapping} />
      <Space size={32} wrap>
        <Statistic title={t('roster.import.added')} value={preview.added.length} />
        <Statistic title={t('roster.import.changed')} value={preview.changed.length} />
        <Statistic title={t('roster.import.removed')} value={preview.removed.length} />
        <Statistic
          title={t('roster.import.refused')}
          value={preview.refused.length}
          styles={{ content: preview.refused.length ? { color: '#cf1322' } : {} }}
        />
        <Statistic title={t('roster.import.after')} value={preview.members} />
      </Space>
      {preview.refused.length ? (
        <Alert type="warning" showIcon title={t('roster.import.refusedNote', { count: preview.refused.length })} />
      ) : null}
      <Tabs
        items={[
          previewTab('added', `${t('roster.import.added')} ${preview.added.length}`, preview.added, 'mobile', memberColumns),
          previewTab('changed', `${t('roster.import.changed')} ${preview.changed.length}`, preview.changed, 'memberId', [
            ...memberColumns.slice(0, 3),
            {
              title: t('roster.import.what'),
              key: 'what',
              render: (_: unknown, c: ImportPreview['changed'][number]) =>
                c.fields
                  .map((f) =>
                    f === 'restored'
                      ? t('roster.import.restored')
                      : `${t(`roster.field.${f}`)}：${String(c.before[f as keyof typeof c.before] ?? '—')} → ${String(c[f as keyof typeof c] ?? '—')}`,
                  )
                  .join('；'),
            },
          ]),
          previewTab('removed', `${t('roster.import.removed')} ${preview.removed.length}`, preview.removed, 'memberId', [
            { title: t('roster.field.name'), dataIndex: 'name' },
            { title: t('roster.field.mobile'), dataIndex: 'mobile' },
            { title: t('roster.field.shortNumber'), dataIndex: 'shortNumber' },
          ]),
          previewTab(
            'refused',
            `${t('roster.import.refused')} ${preview.refused.length}`,
            preview.refused,
            (r) => `${r.sheet ?? ''}:${r.row}:${r.code}:${r.mobile ?? r.name ?? ''}`,
            [
              { title: t('roster.import.row'), key: 'row', width: placeWidth, render: (_: unknown, r: RefusedRow) => rowPlace(r) },
              { title: t('roster.field.name'), key: 'name', width: 110, render: (_: unknown, r: RefusedRow) => r.name ?? '' },
              { title: t('roster.field.mobile'), key: 'mobile', width: 130, render: (_: unknown, r: RefusedRow) => r.mobile ?? '' },
              { title: t('roster.import.reason'), key: 'reason', render: (_: unknown, r: RefusedRow) => refusalText(t, r) },
            ],
            'roster-refused',
          ),
        ]}
      />
      <Space>
        <Button onClick={onBack}>{t('common.back')}</Button>
        <Button
          type="primary"
          loading={importing}
          disabled={loading || changes === 0}
          onClick={onImport}
          data-testid="roster-import-confirm"
        >
          {t('roster.import.confirm', { count: changes })}
        </Button>
      </Space>
    </Space>
  );
}
