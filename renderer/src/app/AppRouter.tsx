/** The app's frame (header, navigation, language) and its routes; each feature contributes its own. */
import { useEffect, useMemo } from 'react';
import { createHashRouter, Navigate, NavLink, Outlet, RouterProvider, useNavigate } from 'react-router';
import { Layout, Menu, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';
import { enterpriseRoutes, enterpriseNav } from '../features/enterprises/routes';
import { orderRoutes } from '../features/orders/routes';
import { siteRoutes, siteNav } from '../features/sites/routes';
import { syncRoutes, syncNav, SyncIndicator } from '../features/sync/routes';
import { useAppStatus } from './AppStatus';
import { isNewShortcut } from './keyboard';
import { NotFoundPage } from './NotFoundPage';

export interface NavEntry {
  path: string;
  labelKey: string;
}

/** Ctrl+N / Alt+N opens a new enterprise form from anywhere (a half-filled form is kept as a draft). */
function useNewEnterpriseShortcut() {
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isNewShortcut(event)) return;
      event.preventDefault();
      void navigate('/enterprises/new');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}

function Frame() {
  const { t, i18n } = useTranslation();
  const status = useAppStatus();
  useNewEnterpriseShortcut();
  const nav: NavEntry[] = [...enterpriseNav, ...siteNav, ...syncNav];
  return (
    <Layout className="ecw-frame">
      <Layout.Header className="ecw-header">
        <Typography.Title level={4} className="ecw-header-title">
          {t('app.title')}
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          className="ecw-header-menu"
          selectable={false}
          items={nav.map((n) => ({ key: n.path, label: <NavLink to={n.path}>{t(n.labelKey)}</NavLink> }))}
        />
        <Space size="middle">
          <SyncIndicator />
          <Typography.Text className="ecw-header-operator" data-testid="operator-name">
            {status.operator?.name}
          </Typography.Text>
          <Segmented
            size="small"
            value={i18n.language}
            onChange={(v) => setLanguage(v as Language)}
            options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en-US' }]}
          />
        </Space>
      </Layout.Header>
      <Layout.Content className="ecw-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

export function AppRouter() {
  // Built once: a new router on every render would drop the page's state.
  const router = useMemo(
    () =>
      createHashRouter([
        {
          path: '/',
          element: <Frame />,
          children: [
            { index: true, element: <Navigate to="/enterprises" replace /> },
            ...enterpriseRoutes,
            ...orderRoutes,
            ...siteRoutes,
            ...syncRoutes,
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ]),
    [],
  );
  return <RouterProvider router={router} />;
}
