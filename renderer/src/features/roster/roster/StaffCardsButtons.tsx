/** 员工名片 from the roster page: fill the site's staff column with the members who agreed, print the cards on A4. */
import { useState } from 'react';
import { App as AntApp, Button, Space, Tooltip } from 'antd';
import { IdcardOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { useShowError } from '../../../ui/apiErrors';
import { downloadBlob } from '../../../ui/download';

export function StaffCardsButtons({ enterpriseId, consenting }: { enterpriseId: string; consenting: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const showError = useShowError();
  const site = useApiQuery('sites.getForEnterprise', { enterpriseId });
  const [printing, setPrinting] = useState(false);
  const fill = useApiMutation('staffCards.fill', {
    onSuccess: (r) => void message.success(t('roster.cards.filled', { cards: r.cards, added: r.added, removed: r.removed })),
    onError: showError,
  });
  const siteId = site.data?.id;
  const noSite = !siteId;

  async function print() {
    if (!siteId) return;
    setPrinting(true);
    try {
      const sheet = await call('files.staffCardSheet', { siteId });
      downloadBlob(new Blob([sheet.bytes as Uint8Array<ArrayBuffer>], { type: sheet.mime }), sheet.fileName ?? 'staff-cards.pdf');
    } catch (error) {
      showError(error);
    } finally {
      setPrinting(false);
    }
  }

  return (
    <Space wrap>
      <Tooltip title={noSite ? t('roster.cards.noSite') : t('roster.cards.fillHint', { count: consenting })}>
        <Button
          icon={<IdcardOutlined />}
          disabled={noSite}
          loading={fill.isPending}
          onClick={() => siteId && fill.mutate({ siteId })}
          data-testid="roster-cards-fill"
        >
          {t('roster.cards.fill')}
        </Button>
      </Tooltip>
      <Button icon={<PrinterOutlined />} disabled={noSite} loading={printing} onClick={() => void print()} data-testid="roster-cards-print">
        {t('roster.cards.print')}
      </Button>
    </Space>
  );
}
