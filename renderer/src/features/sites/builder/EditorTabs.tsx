/** The editor side of the builder, one tab per part of the site. */
import { Badge, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../../../shared/domain/enterprise';
import { ContentEditor } from '../editor/ContentEditor';
import { DomainEditor } from '../domain/DomainEditor';
import { IntakePanel } from '../intake/IntakePanel';
import { ProfileEditor } from '../profile/ProfileEditor';
import { PublishPanel } from '../export/PublishPanel';
import { SmsEditor } from '../sms/SmsEditor';
import { TemplatePicker } from '../templates/TemplatePicker';
import { useBuilder, type EditorTab } from '../state/siteStore';

export function EditorTabs({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const tab = useBuilder((s) => s.tab);
  const setTab = useBuilder((s) => s.setTab);
  const tray = useBuilder((s) => s.site?.content.unsorted.length ?? 0);
  const items: { key: EditorTab; label: React.ReactNode; children: React.ReactNode }[] = [
    {
      key: 'intake',
      label: (
        <Badge count={tray} size="small" offset={[8, -2]} title={t('sites.tray.count', { count: tray })}>
          {t('sites.tab.intake')}
        </Badge>
      ),
      children: <IntakePanel enterpriseId={enterprise.id} />,
    },
    { key: 'content', label: t('sites.tab.content'), children: <ContentEditor /> },
    { key: 'profile', label: t('sites.tab.profile'), children: <ProfileEditor /> },
    { key: 'sms', label: t('sites.tab.sms'), children: <SmsEditor /> },
    { key: 'template', label: t('sites.tab.template'), children: <TemplatePicker /> },
    { key: 'domain', label: t('sites.tab.domain'), children: <DomainEditor /> },
    { key: 'publish', label: t('sites.tab.publish'), children: <PublishPanel enterprise={enterprise} /> },
  ];
  // A narrower gutter than antd's 32 px keeps all seven tabs in view on a 1024 px laptop, without the overflow menu.
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => setTab(key as EditorTab)}
      items={items}
      tabBarGutter={20}
      destroyOnHidden
      className="ecw-editor-tabs"
    />
  );
}
