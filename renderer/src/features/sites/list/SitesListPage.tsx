/** 企业建站: every enterprise with the state of its site; one click opens the builder. */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Empty, Input, Table, Tag, Typography } from 'antd';
import { BuildOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../../ui/apiErrors';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { useSiteRows, type SiteRow } from './useSiteRows';
import '../sites.css';

function SiteState({ row }: { row: SiteRow }) {
  const { t } = useTranslation();
  if (row.site === undefined) return <span className="ecw-muted">…</span>;
  if (row.site === null) return <Tag>{t('sites.list.noSite')}</Tag>;
  const signed = row.site.signedOffRevision;
  return (
    <>
      <Tag color="blue">{t('sites.revision', { revision: row.site.revision })}</Tag>
      {signed === row.site.revision ? (
        <Tag color="green">{t('sites.signoff.signedShort')}</Tag>
      ) : signed ? (
        <Tag color="orange">{t('sites.signoff.changedShort')}</Tag>
      ) : null}
    </>
  );
}

export function SitesListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 200);
  const { rows, total, error, limit } = useSiteRows(query);
  const open = (row: SiteRow) => void navigate(`/enterprises/${row.enterprise.id}/site`);

  return (
    <div className="ecw-page">
      <div className="ecw-sites-toolbar">
        <Typography.Title level={4} className="ecw-page-title-inline">
          {t('sites.list.title')}
        </Typography.Title>
        <Input
          autoFocus
          className="ecw-sites-search"
          prefix={<SearchOutlined />}
          placeholder={t('sites.list.search')}
          aria-label={t('sites.list.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {error ? <Alert type="error" showIcon title={apiErrorText(error)} /> : null}
      <Table<SiteRow>
        rowKey={(r) => r.enterprise.id}
        size="middle"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('sites.list.empty')} /> }}
        onRow={(row) => ({ onDoubleClick: () => open(row) })}
        columns={[
          { title: t('sites.list.enterprise'), key: 'name', render: (_, r) => <span className="ecw-strong">{r.enterprise.name}</span> },
          { title: t('sites.list.city'), key: 'city', width: 160, render: (_, r) => `${r.enterprise.city} ${r.enterprise.district}` },
          { title: t('sites.list.state'), key: 'state', width: 220, render: (_, r) => <SiteState row={r} /> },
          {
            title: '',
            key: 'open',
            width: 130,
            render: (_, r) => (
              <Button
                size="small"
                type={r.site ? 'default' : 'primary'}
                icon={<BuildOutlined />}
                onClick={() => open(r)}
                data-testid={`site-open-${r.enterprise.id}`}
              >
                {r.site ? t('sites.list.open') : t('sites.list.start')}
              </Button>
            ),
          },
        ]}
      />
      {total > limit ? <Typography.Text type="secondary">{t('sites.list.more', { shown: limit, total })}</Typography.Text> : null}
    </div>
  );
}
