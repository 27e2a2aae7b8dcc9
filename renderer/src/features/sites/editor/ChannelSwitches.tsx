/** Which channels show a column: WEB, WAP 2.0, WAP 1.0, SMS. */
import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel, type ChannelSwitches as Switches } from '../../../../../shared/sites/model';

export function ChannelSwitches({ value, onChange, disabled }: { value: Switches; onChange: (next: Switches) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      disabled={disabled}
      value={CHANNELS.filter((c) => value[c])}
      onChange={(list) => onChange(Object.fromEntries(CHANNELS.map((c) => [c, (list as Channel[]).includes(c)])) as Switches)}
      options={CHANNELS.map((c) => ({ value: c, label: t(`sites.channel.${c}`) }))}
      data-testid="column-channels"
    />
  );
}

/** Small letters for a column row: which channels show it. */
export function ChannelDots({ value }: { value: Switches }) {
  const { t } = useTranslation();
  return (
    <span className="ecw-channel-dots">
      {CHANNELS.map((c) => (
        <span key={c} className={value[c] ? 'is-on' : 'is-off'} title={`${t(`sites.channel.${c}`)}: ${value[c] ? t('sites.channel.on') : t('sites.channel.off')}`}>
          {t(`sites.channel.short.${c}`)}
        </span>
      ))}
    </span>
  );
}
