/** Keeps the open site current: reloads when another window, the CLI or a sync saved a newer revision. */
import { useEffect } from 'react';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, subscribe } from '../../../api/client';
import { useBuilder } from '../state/siteStore';

export function useSiteSync(enterpriseId: string) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const open = useBuilder((s) => s.open);
  const staleNotice = useBuilder((s) => s.staleNotice);

  useEffect(() => open(enterpriseId), [enterpriseId, open]);

  useEffect(
    () =>
      subscribe('data.changed', ({ entity, id }) => {
        const { site, reload, setSite } = useBuilder.getState();
        if (entity !== 'site') return;
        if (!site) return void reload();
        if (id !== site.id) return;
        call('sites.get', { siteId: site.id })
          .then((fresh) => fresh.revision > (useBuilder.getState().site?.revision ?? 0) && setSite(fresh))
          .catch(() => undefined);
      }),
    [],
  );

  useEffect(() => {
    if (staleNotice > 0) void message.warning({ content: t('sites.stale'), key: 'site-stale', duration: 8 });
  }, [staleNotice, message, t]);
}
