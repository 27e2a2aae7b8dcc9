/**
 * The site on the platform: live revision and when, its WEB and WAP addresses and host, whether
 * this device's revision differs from the live one, waiting for the opening, a publish request
 * still in the outbox, a refused revision's reason, rollback to a kept revision, and — for an
 * administrator only — publishing without the customer's sign-off, with a reason.
 */
import { Alert, Button, Descriptions, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Publication } from '../../../../../shared/api/publishing';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { useShowError } from '../../../ui/apiErrors';

const STATUS_COLOR: Record<string, string> = { waiting_opening: 'processing', live: 'green', failed: 'red', offline: 'default' };
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');

function Rollback({ publication }: { publication: Publication }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const earlier = publication.revisions.filter((r) => r.revision !== publication.liveRevision);
  const [revision, setRevision] = useState<number | undefined>();
  const rollback = useApiMutation('sites.rollback', { onError: showError, onSuccess: () => setRevision(undefined) });
  if (earlier.length === 0) return null;
  return (
    <Space size={4}>
      <Select<number>
        size="small"
        style={{ minWidth: 160 }}
        placeholder={t('publishing.rollbackTo')}
        value={revision}
        onChange={setRevision}
        options={earlier.map((r) => ({
          value: r.revision,
          label: t('publishing.revisionAt', { revision: r.revision, at: time(r.publishedAt) }),
        }))}
      />
      <Button
        size="small"
        disabled={revision === undefined}
        loading={rollback.isPending}
        onClick={() => revision !== undefined && rollback.mutate({ siteId: publication.siteId, revision })}
      >
        {t('publishing.rollback')}
      </Button>
    </Space>
  );
}

/** The policy's one role that may publish without a sign-off (platform/README.md, "Publication policy"). */
const UNSIGNED_PUBLISHER_ROLE = 'administrator';

function PublishUnsigned({ publication }: { publication: Publication }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const { data: sync } = useApiQuery('sync.status', {});
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const publish = useApiMutation('sites.publishUnsigned', { onError: showError, onSuccess: () => setOpen(false) });
  const alreadyRequested =
    publication.pendingRevision === publication.localRevision || publication.requestedRevision === publication.localRevision;
  if (sync?.account?.role !== UNSIGNED_PUBLISHER_ROLE || !publication.differsFromLive || alreadyRequested) return null;
  const valid = reason.trim().length >= 4 && reason.trim().length <= 500;
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)}>
        {t('publishing.unsigned.action')}
      </Button>
      <Modal
        open={open}
        title={t('publishing.unsigned.title', { revision: publication.localRevision })}
        okText={t('publishing.unsigned.confirm')}
        okButtonProps={{ danger: true, disabled: !valid, loading: publish.isPending }}
        onOk={() => publish.mutate({ siteId: publication.siteId, reason: reason.trim() })}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph>{t('publishing.unsigned.warning')}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t('publishing.unsigned.reason')}
          placeholder={t('publishing.unsigned.reasonHint')}
          maxLength={500}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}

function Notes({ publication: p }: { publication: Publication }) {
  const { t } = useTranslation();
  return (
    <>
      {p.failure && (
        <Alert
          type="error"
          showIcon
          data-testid="publication-failure"
          title={t('publishing.failed', { revision: p.requestedRevision ?? '' })}
          description={t(`publishing.failure.${p.failure.code}`, { defaultValue: p.failure.message })}
        />
      )}
      {p.pendingRevision !== null && <Alert type="info" showIcon title={t('publishing.pending', { revision: p.pendingRevision })} />}
      {p.status === 'waiting_opening' && <Alert type="info" showIcon title={t('publishing.waitingOpening')} />}
      {p.liveRevision !== null && p.differsFromLive && (
        <Alert
          type="warning"
          showIcon
          data-testid="publication-differs"
          title={t('publishing.differs', { local: p.localRevision, live: p.liveRevision })}
        />
      )}
    </>
  );
}

export function SitePublicationBar({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const { data: p } = useApiQuery('sites.publication', { siteId });
  if (!p) return null;
  return (
    <div className="ecw-publication" data-testid="site-publication">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('publishing.status')}>
          <Tag color={STATUS_COLOR[p.status ?? ''] ?? 'default'} data-testid="publication-status">
            {t(`publishing.statusName.${p.status ?? 'none'}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('publishing.live')}>
          {p.liveRevision === null ? '—' : t('publishing.revisionAt', { revision: p.liveRevision, at: time(p.publishedAt) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('publishing.host')}>
          {p.host ? <Typography.Text copyable>{p.host}</Typography.Text> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('publishing.urls')}>
          {p.urls ? (
            <Space size={8} wrap>
              <Typography.Text copyable={{ text: p.urls.web }}>WEB</Typography.Text>
              <Typography.Text copyable={{ text: p.urls.wap }}>WAP</Typography.Text>
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
      <Notes publication={p} />
      <Space size={8} wrap>
        <Rollback publication={p} />
        <PublishUnsigned publication={p} />
      </Space>
    </div>
  );
}
