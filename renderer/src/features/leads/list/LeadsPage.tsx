/** Visitors' messages and order requests, newest first, as last synced; each can be marked handled (sent at the next sync). */
import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Lead } from '../../../../../shared/api/leads';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { useShowError } from '../../../ui/apiErrors';

type Filter = 'unhandled' | 'all';

function HandleButton({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const setHandled = useApiMutation('leads.setHandled', { onError: showError });
  return (
    <Button
      size="small"
      loading={setHandled.isPending}
      data-testid={`lead-toggle-${lead.id}`}
      onClick={() => setHandled.mutate({ id: lead.id, handled: !lead.handled })}
    >
      {lead.handled ? t('leads.reopen') : t('leads.markHandled')}
    </Button>
  );
}

/** Whose lead it is, on the list of every enterprise's leads. */
function EnterpriseName({ id }: { id: string }) {
  const enterprise = useApiQuery('enterprises.get', { id });
  return <Link to={`/enterprises/${id}`}>{enterprise.data?.name ?? '…'}</Link>;
}

function useColumns(allEnterprises: boolean): ColumnsType<Lead> {
  const { t } = useTranslation();
  return [
    // On the list of every enterprise's leads, whose lead it is goes under the time (no extra column: the text keeps its room at 1024 px).
    {
      title: allEnterprises ? t('leads.col.receivedAtAndEnterprise') : t('leads.col.receivedAt'),
      width: 170,
      render: (_: unknown, l: Lead) => (
        <Space direction="vertical" size={0}>
          <span>{new Date(l.receivedAt).toLocaleString('zh-CN', { hour12: false })}</span>
          {allEnterprises && <EnterpriseName id={l.enterpriseId} />}
        </Space>
      ),
    },
    {
      title: t('leads.col.kind'),
      width: 130,
      render: (_: unknown, l: Lead) => (
        <Space size={4}>
          <Tag>{t(`leads.kind.${l.kind}`)}</Tag>
          <Tag color="blue">{t(`leads.channel.${l.channel}`)}</Tag>
        </Space>
      ),
    },
    { title: t('leads.col.name'), dataIndex: 'name', width: 110 },
    { title: t('leads.col.contact'), dataIndex: 'contact', width: 150 },
    // React escapes the visitor's text: hostile markup shows as the characters typed.
    {
      title: t('leads.col.text'),
      dataIndex: 'text',
      render: (v: string) => (
        <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {v}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('leads.col.status'),
      width: 150,
      render: (_: unknown, l: Lead) => (
        <Space size={4}>
          <Tag color={l.handled ? 'default' : 'red'}>{l.handled ? t('leads.handled') : t('leads.new')}</Tag>
          <HandleButton lead={l} />
        </Space>
      ),
    },
  ];
}

export function LeadsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const enterpriseId = params.get('enterprise') ?? undefined;
  const [filter, setFilter] = useState<Filter>('unhandled');
  const leads = useApiQuery('leads.list', enterpriseId ? { enterpriseId } : {});
  const shown = (leads.data ?? []).filter((l) => filter === 'all' || !l.handled);
  return (
    <Card
      title={enterpriseId ? t('leads.titleOfEnterprise') : t('leads.title')}
      extra={
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'unhandled', label: t('leads.filter.unhandled') },
            { value: 'all', label: t('leads.filter.all') },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('leads.hint')}</Typography.Paragraph>
      <Table<Lead>
        data-testid="leads-table"
        rowKey="id"
        size="small"
        loading={leads.isLoading}
        columns={useColumns(!enterpriseId)}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('leads.empty') }}
      />
    </Card>
  );
}
