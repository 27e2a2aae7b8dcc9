/**
 * 移动总机 (通信动力 mode 1): the switchboard number, working hours, what a caller hears in and out
 * of them, the keys that transfer a call, and each member's extension (their short number unless
 * the roster gives another). Saved as a whole; a refused save keeps what was typed.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Select, Space, Switch, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/api';
import type { Switchboard, Transfer } from '../../../../../shared/domain/groupServices';
import type { RosterMember } from '../../../../../shared/domain/roster';
import { useApiMutation } from '../../../api/hooks';
import { failureText } from './failureText';

const EMPTY: Switchboard = {
  number: '',
  extensionsFollowShortNumbers: true,
  hours: { days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' },
  greeting: { open: '', closed: '' },
  transfers: [],
  operatorMemberId: null,
};

interface Props {
  enterpriseId: string;
  services: Output<'services.get'>;
  members: RosterMember[];
}

/** A member's extension as the switchboard dials it. */
export const extensionOf = (m: RosterMember, followShortNumbers: boolean) => m.extension ?? (followShortNumbers ? m.shortNumber : null);

export function SwitchboardPanel({ enterpriseId, services, members }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState<Switchboard>(services.switchboard ?? EMPTY);
  const [failure, setFailure] = useState('');
  useEffect(() => setValue(services.switchboard ?? EMPTY), [services.switchboard]);
  const save = useApiMutation('services.setSwitchboard', { onSuccess: () => setFailure(''), onError: (e) => setFailure(failureText(e)) });
  const active = useMemo(() => members.filter((m) => m.state !== 'removing'), [members]);
  const memberOptions = active.map((m) => ({ value: m.id, label: `${m.name}（${m.shortNumber ?? m.mobile}）` }));
  const set = (patch: Partial<Switchboard>) => setValue((v) => ({ ...v, ...patch }));
  const setTransfer = (i: number, patch: Partial<Transfer>) =>
    set({ transfers: value.transfers.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {!services.included.switchboard ? <Alert type="info" showIcon title={t('services.notIncluded.switchboard')} /> : null}
      <Form layout="vertical" component="div" className="ecw-services-form">
        <Form.Item label={t('services.switchboard.number')} htmlFor="sb-number">
          <Input
            id="sb-number"
            value={value.number}
            maxLength={14}
            style={{ width: 220 }}
            onChange={(e) => set({ number: e.target.value.replace(/\D/g, '') })}
            data-testid="sb-number"
          />
        </Form.Item>
        <Form.Item label={t('services.switchboard.hours')}>
          <Space wrap>
            <Checkbox.Group
              value={value.hours.days}
              options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`services.day.${d}`) }))}
              onChange={(days) => set({ hours: { ...value.hours, days: (days as number[]).sort() } })}
            />
            <Input
              aria-label={t('services.switchboard.open')}
              type="time"
              value={value.hours.open}
              style={{ width: 120 }}
              onChange={(e) => set({ hours: { ...value.hours, open: e.target.value } })}
            />
            <span>—</span>
            <Input
              aria-label={t('services.switchboard.close')}
              type="time"
              value={value.hours.close}
              style={{ width: 120 }}
              onChange={(e) => set({ hours: { ...value.hours, close: e.target.value } })}
            />
          </Space>
        </Form.Item>
        <Form.Item label={t('services.switchboard.greetingOpen')} htmlFor="sb-greeting-open">
          <Input.TextArea
            id="sb-greeting-open"
            rows={2}
            maxLength={200}
            showCount
            value={value.greeting.open}
            onChange={(e) => set({ greeting: { ...value.greeting, open: e.target.value } })}
          />
        </Form.Item>
        <Form.Item label={t('services.switchboard.greetingClosed')} htmlFor="sb-greeting-closed">
          <Input.TextArea
            id="sb-greeting-closed"
            rows={2}
            maxLength={200}
            showCount
            value={value.greeting.closed}
            onChange={(e) => set({ greeting: { ...value.greeting, closed: e.target.value } })}
          />
        </Form.Item>
        <Form.Item label={t('services.switchboard.operator')} htmlFor="sb-operator">
          <Select
            id="sb-operator"
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 280 }}
            value={value.operatorMemberId ?? undefined}
            options={memberOptions}
            onChange={(id?: string) => set({ operatorMemberId: id ?? null })}
          />
        </Form.Item>
        <Form.Item label={t('services.switchboard.transfers')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {value.transfers.map((x, i) => (
              <Space key={i} wrap>
                <Select
                  aria-label={t('services.switchboard.key')}
                  value={x.key}
                  style={{ width: 90 }}
                  options={[...'0123456789'].map((k) => ({ value: k, label: t('services.switchboard.press', { key: k }) }))}
                  onChange={(key: string) => setTransfer(i, { key })}
                />
                <Input
                  aria-label={t('services.switchboard.label')}
                  value={x.label}
                  maxLength={20}
                  style={{ width: 140 }}
                  placeholder={t('services.switchboard.label')}
                  onChange={(e) => setTransfer(i, { label: e.target.value })}
                />
                <Select
                  aria-label={t('services.switchboard.target')}
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 240 }}
                  value={x.memberId ?? (x.number ? `tel:${x.number}` : undefined)}
                  options={[...memberOptions, ...(x.number ? [{ value: `tel:${x.number}`, label: x.number }] : [])]}
                  onChange={(target: string) =>
                    setTransfer(
                      i,
                      target.startsWith('tel:')
                        ? { number: target.slice(4), memberId: undefined }
                        : { memberId: target, number: undefined },
                    )
                  }
                />
                <Input
                  aria-label={t('services.switchboard.outsideNumber')}
                  placeholder={t('services.switchboard.outsideNumber')}
                  style={{ width: 160 }}
                  value={x.number ?? ''}
                  onChange={(e) =>
                    setTransfer(
                      i,
                      e.target.value ? { number: e.target.value.replace(/\D/g, ''), memberId: undefined } : { number: undefined },
                    )
                  }
                />
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('roster.remove')}
                  onClick={() => set({ transfers: value.transfers.filter((_, j) => j !== i) })}
                />
              </Space>
            ))}
            <Button
              icon={<PlusOutlined />}
              disabled={value.transfers.length >= 10}
              onClick={() => set({ transfers: [...value.transfers, { key: String(value.transfers.length), label: '' }] })}
            >
              {t('services.switchboard.addTransfer')}
            </Button>
          </Space>
        </Form.Item>
        <Form.Item>
          <Space>
            <Switch
              checked={value.extensionsFollowShortNumbers}
              onChange={(on) => set({ extensionsFollowShortNumbers: on })}
              aria-label={t('services.switchboard.follow')}
            />
            <span>{t('services.switchboard.follow')}</span>
          </Space>
        </Form.Item>
        {failure ? <Alert type="error" showIcon title={failure} data-testid="sb-failure" /> : null}
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() => save.mutate({ enterpriseId, switchboard: value })}
          data-testid="sb-save"
        >
          {t('common.save')}
        </Button>
      </Form>
      <Typography.Title level={5}>{t('services.switchboard.extensions')}</Typography.Title>
      <Table<RosterMember>
        size="small"
        rowKey="id"
        dataSource={active}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: t('roster.field.extension'),
            key: 'ext',
            width: 120,
            render: (_, m) => extensionOf(m, value.extensionsFollowShortNumbers) ?? '—',
          },
          { title: t('roster.field.name'), dataIndex: 'name' },
          { title: t('roster.field.department'), dataIndex: 'department' },
          { title: t('roster.field.shortNumber'), key: 'short', render: (_, m) => m.shortNumber ?? '' },
        ]}
      />
    </Space>
  );
}
