/** Start-up: ask the backend how it is, then show the recovery screen, the first-run form, or the app. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiCallError, subscribe } from '../api/client';
import { ApiProvider } from '../api/ApiProvider';
import { useSystemStatusQuery } from '../ui/appStatus';
import { prefetchFirstPage } from '../features/enterprises';
// Rare screens load on demand, so the everyday first screen (the list) starts sooner.
const RecoveryScreen = lazy(async () => ({ default: (await import('./RecoveryScreen')).RecoveryScreen }));
const OperatorSetup = lazy(async () => ({ default: (await import('./OperatorSetup')).OperatorSetup }));
const WrongAddressScreen = lazy(async () => ({ default: (await import('./WrongAddressScreen')).WrongAddressScreen }));
import { AppRouter } from './AppRouter';
import { THEME } from './theme';

/** `client`: tests pass their own query cache. */
export function App({ client }: { client?: QueryClient }) {
  const { i18n } = useTranslation();
  useEffect(() => {
    dayjs.locale(i18n.language === 'en-US' ? 'en' : 'zh-cn');
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  return (
    <ApiProvider {...(client ? { client } : {})}>
      <ConfigProvider locale={i18n.language === 'en-US' ? enUS : zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
        <AntApp>
          <Start />
        </AntApp>
      </ConfigProvider>
    </ApiProvider>
  );
}

function Start() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useSystemStatusQuery();
  const [backendRestarted, setBackendRestarted] = useState(false);
  const reload = () => void status.refetch();

  useEffect(() => {
    // The list's first page is asked for alongside the status, so it paints without another round trip.
    if (/^#?\/?(enterprises)?$/.test(window.location.hash)) prefetchFirstPage(client);
  }, [client]);
  useEffect(() => subscribe('backend.restarted', () => setBackendRestarted(true)), []);

  const s = status.data;
  const refused = tokenRefused(status.error);
  let body;
  if (refused) body = <WrongAddressScreen reason={refused} />;
  else if (status.error) body = <Result status="error" title={t('backendDown.title')} subTitle={t('errors.backend_unavailable')} />;
  else if (!s) body = <Spin fullscreen description={t('app.loading')} />;
  else if (s.state === 'recovery') body = <RecoveryScreen status={s} onRecovered={reload} />;
  else if (!s.operator) body = <OperatorSetup onDone={reload} />;
  else body = <AppRouter />;

  return (
    <>
      {backendRestarted && <Result status="warning" title={t('backendDown.title')} subTitle={t('backendDown.body')} />}
      <Suspense fallback={<Spin fullscreen description={t('app.loading')} />}>{body}</Suspense>
    </>
  );
}

/** Browser mode refused the page's token: why, as the transport says. */
function tokenRefused(error: unknown): 'token_missing' | 'token_rejected' | null {
  if (!(error instanceof ApiCallError) || error.code !== 'unauthorized') return null;
  return error.error.details?.reason === 'token_rejected' ? 'token_rejected' : 'token_missing';
}
