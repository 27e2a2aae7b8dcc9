/** Start-up: ask the backend how it is, then show the recovery screen, the first-run form, or the app. */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api';
import { call, subscribe } from '../api/client';
// Rare screens load on demand, so the everyday first screen (the list) starts sooner.
const RecoveryScreen = lazy(async () => ({ default: (await import('./RecoveryScreen')).RecoveryScreen }));
const OperatorSetup = lazy(async () => ({ default: (await import('./OperatorSetup')).OperatorSetup }));
import { AppRouter } from './AppRouter';
import { AppStatusContext } from './AppStatus';
import { prefetchFirstPage } from '../features/enterprises/list/useEnterprisePages';

type Status = Output<'system.status'>;

export function App() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [backendRestarted, setBackendRestarted] = useState(false);

  const load = useCallback(() => {
    call('system.status', {})
      .then((s) => {
        setStatus(s);
        setFailure(null);
      })
      .catch((error: Error) => setFailure(error.message));
  }, []);

  useEffect(load, [load]);
  useEffect(() => {
    if (/^#?\/?(enterprises)?$/.test(window.location.hash)) prefetchFirstPage();
  }, []);
  useEffect(() => subscribe('backend.restarted', () => setBackendRestarted(true)), []);
  useEffect(() => {
    dayjs.locale(i18n.language === 'en-US' ? 'en' : 'zh-cn');
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  let body;
  if (failure) body = <Result status="error" title={t('backendDown.title')} subTitle={t('errors.backend_unavailable')} />;
  else if (!status) body = <Spin fullscreen description={t('app.loading')} />;
  else if (status.state === 'recovery') body = <RecoveryScreen status={status} onRecovered={load} />;
  else if (!status.operator) body = <OperatorSetup onDone={load} />;
  else
    body = (
      <AppStatusContext.Provider value={status}>
        <AppRouter />
      </AppStatusContext.Provider>
    );

  return (
    <ConfigProvider locale={i18n.language === 'en-US' ? enUS : zhCN} theme={{ token: { colorPrimary: '#0a7d5a', borderRadius: 6 } }} button={{ autoInsertSpace: false }}>
      <AntApp>
        {backendRestarted && <Result status="warning" title={t('backendDown.title')} subTitle={t('backendDown.body')} />}
        <Suspense fallback={<Spin fullscreen description={t('app.loading')} />}>{body}</Suspense>
      </AntApp>
    </ConfigProvider>
  );
}
