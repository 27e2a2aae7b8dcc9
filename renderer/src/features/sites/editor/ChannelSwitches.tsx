/** Which channels show a column: WEB, WAP 2.0, WAP 1.0, SMS. */
import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel, type ChannelSwitches as Switches, type Column } from '../../../../../shared/sites/model';
import { useShowError } from '../../../ui/apiErrors';
import { save } from '../state/siteStore';
import { useChosen } from '../state/useChosen';

export function ChannelSwitches({
  value,
  onChange,
  disabled,
}: {
  value: Switches;
  onChange: (next: Switches) => void;
  disabled?: boolean;
}) {
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

/**
 * A column's channels, saved at each click. The boxes show the user's latest choice while saves
 * are on their way, and each save sets only the box that was clicked, on the channels as saved
 * when its turn comes — quick clicks on several boxes all count.
 */
export function ColumnChannels({ column }: { column: Column }) {
  const showError = useShowError();
  const [shown, choose] = useChosen(column.channels);
  const change = (next: Switches) => {
    const clicked = CHANNELS.filter((c) => next[c] !== shown[c]);
    const saving = save('sites.updateColumn', (site) => {
      const saved = site.content.columns.find((c) => c.id === column.id)?.channels;
      return saved ? { columnId: column.id, channels: { ...saved, ...Object.fromEntries(clicked.map((c) => [c, next[c]])) } } : null;
    });
    choose(next, saving);
    void saving.catch(showError);
  };
  return <ChannelSwitches value={shown} onChange={change} />;
}

/** Small letters for a column row: which channels show it. */
export function ChannelDots({ value }: { value: Switches }) {
  const { t } = useTranslation();
  return (
    <span className="ecw-channel-dots">
      {CHANNELS.map((c) => (
        <span
          key={c}
          className={value[c] ? 'is-on' : 'is-off'}
          title={`${t(`sites.channel.${c}`)}: ${value[c] ? t('sites.channel.on') : t('sites.channel.off')}`}
        >
          {t(`sites.channel.short.${c}`)}
        </span>
      ))}
    </span>
  );
}
