/** 短号短信群组 (通信动力 mode 2): groups to text by short number — a department as the roster has it, or members picked by hand. */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Input, Radio, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/api';
import type { SmsGroup } from '../../../../../shared/domain/groupServices';
import type { RosterMember } from '../../../../../shared/domain/roster';
import { useApiMutation } from '../../../api/hooks';
import { failureText } from './failureText';

interface Props {
  enterpriseId: string;
  services: Output<'services.get'>;
  members: RosterMember[];
}

/** How many members a group reaches now. */
export function groupSize(group: SmsGroup, members: RosterMember[]): number {
  return group.kind === 'department'
    ? members.filter((m) => m.department === group.department).length
    : (group.memberIds ?? []).filter((id) => members.some((m) => m.id === id)).length;
}

export function SmsGroupsPanel({ enterpriseId, services, members }: Props) {
  const { t } = useTranslation();
  const [groups, setGroups] = useState<SmsGroup[]>(services.smsGroups);
  const [failure, setFailure] = useState('');
  useEffect(() => setGroups(services.smsGroups), [services.smsGroups]);
  const save = useApiMutation('services.setSmsGroups', { onSuccess: () => setFailure(''), onError: (e) => setFailure(failureText(e)) });
  const active = useMemo(() => members.filter((m) => m.state !== 'removing'), [members]);
  const departments = [...new Set(active.map((m) => m.department).filter(Boolean))].map((d) => ({ value: d, label: d }));
  const memberOptions = active.map((m) => ({ value: m.id, label: `${m.name} ${m.shortNumber ?? ''}` }));
  const set = (i: number, patch: Partial<SmsGroup>) => setGroups((list) => list.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const add = () =>
    setGroups((list) => [...list, { id: crypto.randomUUID(), name: '', kind: 'department', department: departments[0]?.value ?? '' }]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {!services.included.smsGroups ? <Alert type="info" showIcon title={t('services.notIncluded.smsGroups')} /> : null}
      <Typography.Paragraph type="secondary">{t('services.groups.intro')}</Typography.Paragraph>
      <Table<SmsGroup>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={groups}
        data-testid="sms-groups"
        columns={[
          {
            title: t('services.groups.name'),
            key: 'name',
            width: 180,
            render: (_, g, i) => (
              <Input
                aria-label={t('services.groups.name')}
                value={g.name}
                maxLength={30}
                onChange={(e) => set(i, { name: e.target.value })}
              />
            ),
          },
          {
            title: t('services.groups.kind'),
            key: 'kind',
            width: 200,
            render: (_, g, i) => (
              <Radio.Group
                value={g.kind}
                onChange={(e) =>
                  set(
                    i,
                    e.target.value === 'department'
                      ? { kind: 'department', department: departments[0]?.value ?? '', memberIds: undefined }
                      : { kind: 'members', memberIds: [], department: undefined },
                  )
                }
              >
                <Radio value="department">{t('services.groups.byDepartment')}</Radio>
                <Radio value="members">{t('services.groups.byHand')}</Radio>
              </Radio.Group>
            ),
          },
          {
            title: t('services.groups.who'),
            key: 'who',
            render: (_, g, i) =>
              g.kind === 'department' ? (
                <Select
                  aria-label={t('roster.field.department')}
                  value={g.department}
                  options={departments}
                  style={{ width: 200 }}
                  onChange={(department: string) => set(i, { department })}
                />
              ) : (
                <Select
                  aria-label={t('services.groups.members')}
                  mode="multiple"
                  optionFilterProp="label"
                  value={g.memberIds ?? []}
                  options={memberOptions}
                  style={{ minWidth: 280 }}
                  onChange={(memberIds: string[]) => set(i, { memberIds })}
                />
              ),
          },
          { title: t('services.groups.size'), key: 'size', width: 80, render: (_, g) => groupSize(g, active) },
          {
            title: '',
            key: 'x',
            width: 50,
            render: (_, _g, i) => (
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('roster.remove')}
                onClick={() => setGroups((list) => list.filter((_, j) => j !== i))}
              />
            ),
          },
        ]}
      />
      <Space>
        <Button icon={<PlusOutlined />} onClick={add}>
          {t('services.groups.add')}
        </Button>
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate({ enterpriseId, groups })} data-testid="groups-save">
          {t('common.save')}
        </Button>
      </Space>
      {failure ? <Alert type="error" showIcon title={failure} /> : null}
    </Space>
  );
}
