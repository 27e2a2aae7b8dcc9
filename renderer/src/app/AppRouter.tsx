/** The app's frame (header, navigation, language) and its routes; each feature contributes its own. */
import { useEffect, useMemo } from 'react';
import { createHashRouter, Navigate, NavLink, Outlet, RouterProvider, useNavigate } from 'react-router';
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';
import { enterpriseRoutes, enterpriseNav } from '../features/enterprises';
import { orderRoutes } from '../features/orders';
import { siteRoutes, siteNav } from '../features/sites';
import { HeaderPerson, syncRoutes, syncNav, SyncIndicator } from '../features/sync';
import { rosterRoutes } from '../features/roster';
import { leadsRoutes, leadsNav } from '../features/leads';
import { useAppStatus } from '../ui/appStatus';
import { isNewShortcut } from '../ui/keyboard';
import type { NavEntry } from '../ui/nav';
import { NotFoundPage } from './NotFoundPage';

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

/** Plain elements, not antd's Layout/Menu: the frame is on every first paint, so it must be cheap. */
function Frame() {
  const { t, i18n } = useTranslation();
  const status = useAppStatus();
  useNewEnterpriseShortcut();
  const nav: NavEntry[] = [...enterpriseNav, ...siteNav, ...leadsNav, ...syncNav];
  return (
    <div className="ecw-frame">
      <header className="ecw-header">
        <h1 className="ecw-header-title">{t('app.title')}</h1>
        <nav className="ecw-header-nav" aria-label={t('app.nav.label')}>
          {nav.map((n) => (
            <NavLink key={n.path} to={n.path} end className="ecw-header-link">
              {t(n.labelKey)}
              {n.Badge && <n.Badge />}
            </NavLink>
          ))}
        </nav>
        <div className="ecw-header-tools">
          <SyncIndicator />
          {status.operator ? <HeaderPerson operator={status.operator} /> : null}
          <LanguageSwitch language={i18n.language} />
        </div>
      </header>
      <main className="ecw-content">
        <Outlet />
      </main>
    </div>
  );
}

function LanguageSwitch({ language }: { language: string }) {
  const { t } = useTranslation();
  const options: { value: Language; label: string }[] = [
    { value: 'zh-CN', label: '中文' },
    { value: 'en-US', label: 'EN' },
  ];
  return (
    <div className="ecw-lang" role="group" aria-label={t('app.language')}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className={language === o.value ? 'is-active' : ''}
          aria-pressed={language === o.value}
          onClick={() => setLanguage(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
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
          hydrateFallbackElement: <Spin fullscreen />,
          children: [
            { index: true, element: <Navigate to="/enterprises" replace /> },
            ...enterpriseRoutes,
            ...orderRoutes,
            ...siteRoutes,
            ...syncRoutes,
            ...rosterRoutes,
            ...leadsRoutes,
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ]),
    [],
  );
  return <RouterProvider router={router} />;
}
