/**
 * Keeps the open site current: the site as read (again after every change another window, the CLI
 * or a sync made — the query cache re-reads it) goes into the editing session, which keeps the
 * newest revision; the session's site (with its own edits' answers put in) goes back into the
 * cache, so its own edits are not read again; a save that met someone else's newer revision says so.
 */
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../../../shared/api/sites';
import { apiQueryKey } from '../../../api/queryCache';
import { useBuilder } from '../state/siteStore';

export function useSiteSync(enterpriseId: string, read: Site | null | undefined) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const open = useBuilder((s) => s.open);
  const receive = useBuilder((s) => s.receive);
  const staleNotice = useBuilder((s) => s.staleNotice);
  const shown = useBuilder((s) => s.site);
  const queryClient = useQueryClient();

  useEffect(() => open(enterpriseId), [enterpriseId, open]);
  useEffect(() => {
    if (read) receive(read);
  }, [read, receive]);
  useEffect(() => {
    if (shown && shown.enterpriseId === enterpriseId)
      queryClient.setQueryData(apiQueryKey('sites.getForEnterprise', { enterpriseId }), shown);
  }, [shown, enterpriseId, queryClient]);

  useEffect(() => {
    if (staleNotice > 0) void message.warning({ content: t('sites.stale'), key: 'site-stale', duration: 8 });
  }, [staleNotice, message, t]);
}
