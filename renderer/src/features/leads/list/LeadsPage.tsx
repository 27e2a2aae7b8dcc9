/** Visitors' messages and order requests, newest first, as last synced; each can be marked handled (sent at the next sync). */
import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Lead } from '../../../../../shared/api/leads';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { useShowError } from '../../../ui/apiErrors';

type Filter = 'unhandled' | 'all';

function HandleButton({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const setHandled = useApiMutation('leads.setHandled', { onError: showError });
  return (
    <Button size="small" loading={setHandled.isPending} data-testid={`lead-toggle-${lead.id}`} onClick={() => setHandled.mutate({ id: lead.id, handled: !lead.handled })}>
      {lead.handled ? t('leads.reopen') : t('leads.markHandled')}
    </Button>
  );
}

function useColumns(): ColumnsType<Lead> {
  const { t } = useTranslation();
  return [
    { title: t('leads.col.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
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
    { title: t('leads.col.text'), dataIndex: 'text', render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{v}</Typography.Paragraph> },
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
        columns={useColumns()}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('leads.empty') }}
      />
    </Card>
  );
}
