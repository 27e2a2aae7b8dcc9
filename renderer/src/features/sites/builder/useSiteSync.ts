/**
 * Keeps the open site current: the site as read (again after every change another window, the CLI
 * or a sync made — the query cache re-reads it) goes into the editing session, which keeps the
 * newest revision; a save that met someone else's newer revision says so.
 */
import { useEffect } from 'react';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../../../shared/api/sites';
import { useBuilder } from '../state/siteStore';

export function useSiteSync(enterpriseId: string, read: Site | null | undefined) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const open = useBuilder((s) => s.open);
  const receive = useBuilder((s) => s.receive);
  const staleNotice = useBuilder((s) => s.staleNotice);

  useEffect(() => open(enterpriseId), [enterpriseId, open]);
  useEffect(() => {
    if (read) receive(read);
  }, [read, receive]);

  useEffect(() => {
    if (staleNotice > 0) void message.warning({ content: t('sites.stale'), key: 'site-stale', duration: 8 });
  }, [staleNotice, message, t]);
}
