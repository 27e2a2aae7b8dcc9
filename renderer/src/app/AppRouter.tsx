/** The app's frame (header, navigation, language) and its routes; each feature contributes its own. */
import { createHashRouter, Navigate, NavLink, Outlet, RouterProvider } from 'react-router';
import { Layout, Menu, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api';
import { setLanguage, type Language } from '../i18n';
import { enterpriseRoutes, enterpriseNav } from '../features/enterprises/routes';
import { orderRoutes } from '../features/orders/routes';
import { siteRoutes, siteNav } from '../features/sites/routes';
import { syncRoutes, syncNav, SyncIndicator } from '../features/sync/routes';

export interface NavEntry {
  path: string;
  labelKey: string;
}

function Frame({ status }: { status: Output<'system.status'> }) {
  const { t, i18n } = useTranslation();
  const nav: NavEntry[] = [...enterpriseNav, ...siteNav, ...syncNav];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#0b3d2e' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          style={{ flex: 1, background: 'transparent', minWidth: 0 }}
          selectable={false}
          items={nav.map((n) => ({ key: n.path, label: <NavLink to={n.path}>{t(n.labelKey)}</NavLink> }))}
        />
        <Space>
          <SyncIndicator />
          <Typography.Text style={{ color: '#d9f2e6' }}>{status.operator?.name}</Typography.Text>
          <Segmented
            size="small"
            value={i18n.language}
            onChange={(v) => setLanguage(v as Language)}
            options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en-US' }]}
          />
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

export function AppRouter({ status }: { status: Output<'system.status'> }) {
  const router = createHashRouter([
    {
      path: '/',
      element: <Frame status={status} />,
      children: [
        { index: true, element: <Navigate to="/enterprises" replace /> },
        ...enterpriseRoutes,
        ...orderRoutes,
        ...siteRoutes,
        ...syncRoutes,
      ],
    },
  ]);
  return <RouterProvider router={router} />;
}
