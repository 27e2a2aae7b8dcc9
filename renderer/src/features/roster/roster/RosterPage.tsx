/** /enterprises/:id/roster — the enterprise's VPMN group: its members and short numbers, imports, rules and edits. */
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Input, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { CloudUploadOutlined, ImportOutlined, SearchOutlined, SettingOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RosterMember } from '../../../../../shared/domain/roster';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { apiErrorText, useShowError } from '../../../ui/apiErrors';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { ImportDrawer } from '../import/ImportDrawer';
import { RulesDrawer } from '../rules/RulesDrawer';
import { MemberModal } from './MemberModal';
import { MemberTable } from './MemberTable';
import { OrderList } from './OrderList';
import { StaffCardsButtons } from './StaffCardsButtons';
import { useServicesTabs } from '../services/useServicesTabs';
import '../roster.css';

const NO_MEMBERS: RosterMember[] = [];

/** Matches a member by name, mobile, short number, department or title. */
function matches(member: RosterMember, query: string): boolean {
  if (!query) return true;
  return [member.name, member.mobile, member.shortNumber ?? '', member.department, member.title].some((v) => v.includes(query));
}

export function RosterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const enterprise = useApiQuery('enterprises.get', { id });
  const roster = useApiQuery('roster.list', { enterpriseId: id });
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 150);
  const [editing, setEditing] = useState<RosterMember | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [rules, setRules] = useState(false);
  const shown = useMemo(() => roster.data?.members.filter((m) => matches(m, query)) ?? [], [roster.data, query]);
  const serviceTabs = useServicesTabs(id, roster.data?.members ?? NO_MEMBERS);
  const { message } = AntApp.useApp();
  const submit = useApiMutation('roster.submit', {
    onSuccess: (r) => void message.success(t('roster.submitted', { changes: r.changes, orders: r.orders })),
    onError: useShowError(),
  });

  if (roster.error)
    return (
      <Result
        status="error"
        title={apiErrorText(roster.error)}
        extra={<Button onClick={() => void roster.refetch()}>{t('common.retry')}</Button>}
      />
    );
  if (!roster.data) return <Spin />;
  const { counts } = roster.data;

  return (
    <div className="ecw-page">
      <Breadcrumb
        className="ecw-breadcrumb"
        items={[
          { title: <Link to="/enterprises">{t('enterprises.list.title')}</Link> },
          { title: <Link to={`/enterprises/${id}`}>{enterprise.data?.name ?? '…'}</Link> },
          { title: t('roster.title') },
        ]}
      />
      <div className="ecw-detail-head">
        <Space align="center" wrap>
          <Typography.Title level={3} className="ecw-detail-title">
            {t('roster.title')}
          </Typography.Title>
          <Tag data-testid="roster-count">{t('roster.counts.members', { count: counts.members })}</Tag>
          {counts.draft ? <Tag color="blue">{t('roster.counts.draft', { count: counts.draft })}</Tag> : null}
          {counts.pending ? <Tag color="gold">{t('roster.counts.pending', { count: counts.pending })}</Tag> : null}
          {counts.conflict ? <Tag color="red">{t('roster.counts.conflict', { count: counts.conflict })}</Tag> : null}
          {roster.data.groupNumber ? (
            <Tag color="purple" data-testid="roster-group-number">
              {t('roster.groupNumber', { number: roster.data.groupNumber })}
            </Tag>
          ) : null}
        </Space>
        <Space wrap>
          <Button icon={<SettingOutlined />} onClick={() => setRules(true)} data-testid="roster-rules">
            {t('roster.rules.open', { digit: roster.data.rules.firstDigit })}
          </Button>
          <Button icon={<UserAddOutlined />} onClick={() => setEditing('new')} data-testid="roster-add">
            {t('roster.add')}
          </Button>
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="roster-import">
            {t('roster.import.open')}
          </Button>
          <StaffCardsButtons
            enterpriseId={id}
            consenting={roster.data.members.filter((m) => m.cardConsent && m.state !== 'removing').length}
          />
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            disabled={counts.draft + counts.conflict === 0}
            loading={submit.isPending}
            onClick={() => submit.mutate({ enterpriseId: id })}
            data-testid="roster-submit"
          >
            {t('roster.submit', { count: counts.draft + counts.conflict })}
          </Button>
        </Space>
      </div>
      {counts.conflict ? (
        <Alert className="ecw-roster-alert" type="error" showIcon title={t('roster.conflictAlert', { count: counts.conflict })} />
      ) : null}
      <Tabs
        items={[
          {
            key: 'members',
            label: t('roster.tabs.members'),
            children: (
              <>
                <Input
                  className="ecw-roster-search"
                  prefix={<SearchOutlined />}
                  allowClear
                  placeholder={t('roster.search')}
                  aria-label={t('roster.search')}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                />
                <MemberTable members={shown} onEdit={setEditing} />
                <Card size="small" title={t('roster.orders.title')} className="ecw-roster-orders">
                  <OrderList orders={roster.data.orders} />
                </Card>
              </>
            ),
          },
          ...serviceTabs,
        ]}
      />
      <MemberModal enterpriseId={id} member={editing} roster={roster.data} onClose={() => setEditing(null)} />
      <ImportDrawer enterpriseId={id} open={importing} onClose={() => setImporting(false)} />
      <RulesDrawer enterpriseId={id} open={rules} roster={roster.data} onClose={() => setRules(false)} />
    </div>
  );
}
