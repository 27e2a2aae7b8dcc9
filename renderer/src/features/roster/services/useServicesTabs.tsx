/** The services' tabs on the roster page: switchboard, SMS groups, ring-back tone (their data read once for the three). */
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RosterMember } from '../../../../../shared/domain/roster';
import { useApiQuery } from '../../../api/hooks';
import { RingTonePanel } from './RingTonePanel';
import { SmsGroupsPanel } from './SmsGroupsPanel';
import { SwitchboardPanel } from './SwitchboardPanel';

/** The tab items (antd's Tabs takes them as data), their data read with one query. */
export function useServicesTabs(enterpriseId: string, members: RosterMember[]) {
  const { t } = useTranslation();
  const { data } = useApiQuery('services.get', { enterpriseId });
  const body = (render: (services: NonNullable<typeof data>) => React.ReactNode) => (data ? render(data) : <Spin />);
  return [
    {
      key: 'switchboard',
      label: t('roster.tabs.switchboard'),
      children: body((s) => <SwitchboardPanel enterpriseId={enterpriseId} services={s} members={members} />),
    },
    {
      key: 'groups',
      label: t('roster.tabs.groups'),
      children: body((s) => <SmsGroupsPanel enterpriseId={enterpriseId} services={s} members={members} />),
    },
    {
      key: 'ringtone',
      label: t('roster.tabs.ringTone'),
      children: body((s) => <RingTonePanel enterpriseId={enterpriseId} services={s} members={members} />),
    },
  ];
}
