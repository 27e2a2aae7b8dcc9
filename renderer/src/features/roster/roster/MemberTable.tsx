/** The group's members, a page at a time: number, person, state, and what can be done to each. */
import { App as AntApp, Button, Popconfirm, Space, Switch, Table, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RosterMember } from '../../../../../shared/domain/roster';
import { useApiMutation } from '../../../api/hooks';
import { useShowError } from '../../../ui/apiErrors';
import { StateTag } from './StateTag';

interface Props {
  members: RosterMember[];
  onEdit: (member: RosterMember) => void;
}

/** The fields `roster.updateMember` takes, from a member as listed. */
export const editableFields = (m: RosterMember) => ({
  name: m.name,
  mobile: m.mobile,
  department: m.department,
  title: m.title,
  email: m.email,
  shortNumber: m.shortNumber,
  extension: m.extension,
  cardConsent: m.cardConsent,
  portedIn: m.portedIn,
});

function ConflictNote({ member }: { member: RosterMember }) {
  const { t } = useTranslation();
  if (!member.conflict) return null;
  return (
    <Typography.Text type="danger" className="ecw-roster-conflict">
      {t(`roster.conflict.${member.conflict.code}`, { defaultValue: member.conflict.message, name: member.conflict.heldBy ?? '' })}
    </Typography.Text>
  );
}

export function MemberTable({ members, onEdit }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const showError = useShowError();
  const update = useApiMutation('roster.updateMember', { onError: showError });
  const remove = useApiMutation('roster.removeMember', { onError: showError });
  const discard = useApiMutation('roster.discardChange', {
    onError: showError,
    onSuccess: () => void message.success(t('roster.discarded')),
  });
  const locked = (m: RosterMember) => m.state === 'pending' || (m.state === 'removing' && !m.conflict);

  return (
    <Table<RosterMember>
      rowKey="id"
      size="small"
      dataSource={members}
      pagination={{
        defaultPageSize: 50,
        showSizeChanger: true,
        pageSizeOptions: [50, 100, 200],
        showTotal: (total) => t('roster.total', { count: total }),
      }}
      onRow={(m) =>
        ({ onDoubleClick: () => !locked(m) && onEdit(m), 'data-testid': `member-${m.mobile}` }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: t('roster.field.shortNumber'),
          key: 'short',
          width: 100,
          render: (_, m) => <span className="ecw-roster-number">{m.shortNumber ?? '——'}</span>,
        },
        { title: t('roster.field.name'), dataIndex: 'name', width: 120 },
        {
          title: t('roster.field.mobile'),
          key: 'mobile',
          width: 150,
          render: (_, m) => (
            <>
              {m.mobile}
              {m.portedIn ? (
                <Tooltip title={t('roster.portedInHint')}>
                  {' '}
                  <Typography.Text type="secondary">{t('roster.portedIn')}</Typography.Text>
                </Tooltip>
              ) : null}
            </>
          ),
        },
        { title: t('roster.field.department'), dataIndex: 'department', width: 120 },
        { title: t('roster.field.title'), dataIndex: 'title', width: 110 },
        { title: t('roster.field.extension'), key: 'ext', width: 80, render: (_, m) => m.extension ?? '' },
        {
          title: t('roster.field.state'),
          key: 'state',
          render: (_, m) => (
            <Space orientation="vertical" size={0}>
              <StateTag state={m.state} />
              <ConflictNote member={m} />
            </Space>
          ),
        },
        {
          title: t('roster.field.card'),
          key: 'card',
          width: 80,
          render: (_, m) => (
            <Switch
              size="small"
              checked={m.cardConsent}
              disabled={locked(m)}
              aria-label={t('roster.field.card')}
              onChange={(checked) => update.mutate({ id: m.id, fields: { ...editableFields(m), cardConsent: checked } })}
            />
          ),
        },
        {
          title: '',
          key: 'actions',
          width: 120,
          render: (_, m) => (
            <Space size={4}>
              <Button
                size="small"
                type="text"
                icon={<EditOutlined />}
                aria-label={t('common.edit')}
                disabled={locked(m)}
                onClick={() => onEdit(m)}
              />
              {m.state === 'draft' || m.state === 'conflict' || m.state === 'removing' ? (
                <Tooltip title={t('roster.discard')}>
                  <Button
                    size="small"
                    type="text"
                    icon={<RollbackOutlined />}
                    aria-label={t('roster.discard')}
                    disabled={locked(m)}
                    onClick={() => discard.mutate({ id: m.id })}
                  />
                </Tooltip>
              ) : null}
              {m.state !== 'removing' ? (
                <Popconfirm
                  title={t('roster.removeConfirm', { name: m.name })}
                  okText={t('roster.remove')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove.mutate({ id: m.id })}
                >
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('roster.remove')} disabled={locked(m)} />
                </Popconfirm>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
