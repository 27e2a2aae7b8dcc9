/** Leaving the builder (another page, closing the window) with unsaved drafts asks first. */
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasDrafts } from '../state/drafts';
import { useBuilder } from '../state/siteStore';

export function useLeaveGuard() {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const dirty = useBuilder((s) => hasDrafts(s.drafts));
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('sites.leave.title'),
      content: t('sites.leave.body'),
      okText: t('sites.leave.ok'),
      cancelText: t('sites.leave.stay'),
      okButtonProps: { danger: true },
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);

  useEffect(() => {
    if (!dirty) return;
    const onUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty]);
}
