/** 抽奖: keyword, prizes with their number and odds, per-number limit, dates, texts. */
import { Button, InputNumber, Input, Space, Switch, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Lottery } from '../../../../../shared/sites/model';
import { Field } from '../editor/Field';
import { DateInput } from '../editor/items/DateField';
import type { FieldErrors } from '../editor/useDraftEditor';
import { SmsText } from './SmsText';

type Prize = Lottery['prizes'][number];

export const defaultLottery = (): Lottery => ({
  enabled: true,
  keyword: 'CJ',
  intro: '回复CJ参加抽奖',
  prizes: [{ name: '一等奖', count: 1, chancePer10000: 10 }],
  perNumberLimit: 1,
  winText: '恭喜您抽中{prize}！',
  loseText: '很遗憾未中奖，感谢参与！',
});

export function LotteryEditor({
  lottery,
  onChange,
  signature,
  errors,
}: {
  lottery: Lottery;
  onChange: (l: Lottery) => void;
  signature: string;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Lottery>) => onChange({ ...lottery, ...patch });
  const setPrize = (i: number, patch: Partial<Prize>) => set({ prizes: lottery.prizes.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const totalOdds = lottery.prizes.reduce((n, p) => n + p.chancePer10000, 0);
  const e = (k: string) => errors[`lottery.${k}`];

  return (
    <div data-field="lottery">
      <Field label={t('sites.sms.lotteryEnabled')} field="lottery.enabled">
        <Switch checked={lottery.enabled} onChange={(enabled) => set({ enabled })} />
      </Field>
      <div className="ecw-field-row">
        <Field label={t('sites.sms.keyword')} field="lottery.keyword" error={e('keyword')} required hint={t('sites.sms.keywordHint')}>
          <Input
            value={lottery.keyword}
            maxLength={10}
            onChange={(ev) => set({ keyword: ev.target.value.toUpperCase() })}
            style={{ width: 120 }}
          />
        </Field>
        <Field label={t('sites.sms.perNumberLimit')} field="lottery.perNumberLimit" error={e('perNumberLimit')}>
          <InputNumber min={1} max={100} precision={0} value={lottery.perNumberLimit} onChange={(n) => set({ perNumberLimit: n ?? 1 })} />
        </Field>
        <Field label={t('sites.sms.startDate')} field="lottery.startDate" error={e('startDate')}>
          <DateInput value={lottery.startDate} onChange={(startDate) => set({ startDate })} />
        </Field>
        <Field label={t('sites.sms.endDate')} field="lottery.endDate" error={e('endDate')}>
          <DateInput value={lottery.endDate} onChange={(endDate) => set({ endDate })} />
        </Field>
      </div>
      <SmsText
        label={t('sites.sms.lotteryIntro')}
        field="lottery.intro"
        value={lottery.intro}
        onChange={(intro) => set({ intro })}
        signature={signature}
        max={140}
        error={e('intro')}
      />
      <Field
        label={t('sites.sms.prizes')}
        field="lottery.prizes"
        error={e('prizes')}
        hint={t('sites.sms.oddsTotal', { percent: (totalOdds / 100).toFixed(2) })}
      >
        <Table<Prize>
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={lottery.prizes}
          columns={[
            {
              title: t('sites.sms.prizeName'),
              render: (_, p, i) => (
                <Input
                  value={p.name}
                  maxLength={30}
                  status={errors[`lottery.prizes.${i}.name`] ? 'error' : undefined}
                  onChange={(ev) => setPrize(i, { name: ev.target.value })}
                />
              ),
            },
            {
              title: t('sites.sms.prizeCount'),
              width: 110,
              render: (_, p, i) => <InputNumber min={1} precision={0} value={p.count} onChange={(n) => setPrize(i, { count: n ?? 1 })} />,
            },
            {
              title: t('sites.sms.prizeOdds'),
              width: 140,
              render: (_, p, i) => (
                <InputNumber
                  min={0}
                  max={100}
                  step={0.01}
                  precision={2}
                  value={p.chancePer10000 / 100}
                  onChange={(n) => setPrize(i, { chancePer10000: Math.round(Number(n ?? 0) * 100) })}
                  addonAfter="%"
                  data-testid="prize-odds"
                />
              ),
            },
            {
              width: 44,
              render: (_, _p, i) => (
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  disabled={lottery.prizes.length <= 1}
                  onClick={() => set({ prizes: lottery.prizes.filter((_x, j) => j !== i) })}
                  aria-label={t('sites.sms.removePrize')}
                />
              ),
            },
          ]}
        />
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => set({ prizes: [...lottery.prizes, { name: '', count: 1, chancePer10000: 0 }] })}
        >
          {t('sites.sms.addPrize')}
        </Button>
      </Field>
      <SmsText
        label={t('sites.sms.winText')}
        field="lottery.winText"
        value={lottery.winText}
        onChange={(winText) => set({ winText })}
        signature={signature}
        max={140}
        error={e('winText')}
        hint={t('sites.sms.winTextHint')}
      />
      <SmsText
        label={t('sites.sms.loseText')}
        field="lottery.loseText"
        value={lottery.loseText}
        onChange={(loseText) => set({ loseText })}
        signature={signature}
        max={140}
        error={e('loseText')}
      />
      <Space>
        <Typography.Text type="secondary" className="ecw-small">
          {t('sites.sms.lotteryNote')}
        </Typography.Text>
      </Space>
    </div>
  );
}
