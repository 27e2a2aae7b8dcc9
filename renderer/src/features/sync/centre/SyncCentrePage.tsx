/**
 * /sync — the sync centre: sign-in, the state and 立即同步, what needs attention, and the
 * conflicts, the queue, the image uploads and the history of sync runs.
 */
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Badge, Card, Col, Row, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../../ui/apiErrors';
import { AccountPanel } from '../account/AccountPanel';
import { SignInForm } from '../account/SignInForm';
import { ConflictList } from '../conflicts/ConflictList';
import { sessionExpired } from '../indicator/describeStatus';
import { useSyncStatus, useSyncStore } from '../state/syncStore';
import { useSyncLists } from '../state/useSyncLists';
import { AttentionAlerts } from './AttentionAlerts';
import { HistoryTable } from './HistoryTable';
import { QueueTable } from './QueueTable';
import { StatusCard } from './StatusCard';
import { UploadList } from './UploadList';
import '../sync.css';

type Tab = 'conflicts' | 'queue' | 'uploads' | 'history';

const counted = (label: string, count: number, danger = false) => (
  <span>
    {label} <Badge count={count} showZero={false} overflowCount={999} color={danger ? '#cf1322' : '#8c8c8c'} />
  </span>
);

export function SyncCentrePage() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const offline = useSyncStore((s) => s.offlineAccount);
  const lists = useSyncLists();
  const [params] = useSearchParams();
  const [tab, setTab] = useState<Tab | null>((params.get('tab') as Tab | null) ?? null);
  // The first tab is chosen once (conflicts if there are any), so resolving the last one does not jump away.
  const hasStatus = status !== null;
  const initial: Tab = status && status.conflicts > 0 ? 'conflicts' : 'queue';
  useEffect(() => {
    if (hasStatus) setTab((t) => t ?? initial);
  }, [hasStatus, initial]);
  if (!status) return <Spin />;

  const active: Tab = tab ?? initial;
  const loading = <Spin size="small" />;
  const showSignIn = !status.signedIn && !offline;
  return (
    <div className="ecw-page ecw-sync-page" data-testid="sync-centre">
      <Typography.Title level={3} className="ecw-page-title">
        {t('sync.centre.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16} className="ecw-sync-main">
          <StatusCard status={status} offline={offline} onSynced={lists.reload} />
          <AttentionAlerts status={status} onShow={setTab} onChanged={lists.reload} />
          {Boolean(lists.error) && <Alert type="warning" showIcon title={apiErrorText(lists.error)} />}
          <Card size="small">
            <Tabs
              activeKey={active}
              onChange={(key) => setTab(key as Tab)}
              items={[
                {
                  key: 'conflicts',
                  label: counted(t('sync.tab.conflicts'), status.conflicts, true),
                  children: lists.conflicts ? (
                    <ConflictList conflicts={lists.conflicts} focusRow={params.get('row')} onResolved={lists.reload} />
                  ) : (
                    loading
                  ),
                },
                {
                  key: 'queue',
                  label: counted(t('sync.tab.queue'), status.pendingOps),
                  children: lists.queue ? <QueueTable queue={lists.queue} status={status} /> : loading,
                },
                {
                  key: 'uploads',
                  label: counted(t('sync.tab.uploads'), status.pendingUploads + status.failedUploads, status.failedUploads > 0),
                  children: lists.uploads ? <UploadList uploads={lists.uploads} onChanged={lists.reload} /> : loading,
                },
                {
                  key: 'history',
                  label: t('sync.tab.history'),
                  children: lists.history ? <HistoryTable history={lists.history} /> : loading,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={{ span: 24, order: showSignIn ? -1 : 0 }} xl={{ span: 8, order: 0 }}>
          <Card size="small" title={showSignIn ? t('sync.signIn.title') : t('sync.account.title')}>
            {showSignIn && sessionExpired(status) && (
              <Alert type="warning" showIcon title={t('sync.signIn.again')} className="ecw-sync-gap" />
            )}
            {showSignIn ? <SignInForm status={status} /> : <AccountPanel status={status} offline={offline !== null && !status.signedIn} />}
            <Typography.Paragraph type="secondary" className="ecw-sync-note">
              {t('sync.centre.localFirst')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
