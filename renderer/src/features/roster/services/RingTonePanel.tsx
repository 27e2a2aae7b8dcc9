/**
 * 集团彩铃 (营销动力 mode 1): the group's ring-back tone — uploaded (mp3, wav, m4a; format and
 * length read from the file, the catalog's limits shown and marked 示例 where they are samples),
 * listened to in the app, and given to every member or to members picked by hand.
 */
import { useState } from 'react';
import { Alert, Button, Descriptions, Radio, Select, Space, Tag, Tooltip, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/api';
import type { RosterMember } from '../../../../../shared/domain/roster';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { fileBase64 } from '../../../ui/fileBase64';
import { failureText } from './failureText';

interface Props {
  enterpriseId: string;
  services: Output<'services.get'>;
  members: RosterMember[];
}

/** The tone as a data: URL for the <audio> element (the CSP allows data: media). */
function Player({ sha256 }: { sha256: string }) {
  const { data } = useApiQuery('services.ringToneAudio', { sha256 });
  if (!data) return null;
  return <audio controls preload="metadata" src={`data:${data.mime};base64,${data.base64}`} data-testid="ringtone-player" />;
}

export function RingTonePanel({ enterpriseId, services, members }: Props) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState('');
  const onError = (e: unknown) => setFailure(failureText(e));
  const onSuccess = () => setFailure('');
  const upload = useApiMutation('services.uploadRingTone', { onError, onSuccess });
  const setMembers = useApiMutation('services.setRingToneMembers', { onError, onSuccess });
  const remove = useApiMutation('services.removeRingTone', { onError, onSuccess });
  const limits = services.ringToneLimits;
  const tone = services.ringTone;
  const active = members.filter((m) => m.state !== 'removing');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {!services.included.ringTone ? <Alert type="info" showIcon title={t('services.notIncluded.ringTone')} /> : null}
      <Typography.Text type="secondary" data-testid="ringtone-limits">
        {t('services.ringTone.limits', {
          seconds: limits.maxSeconds,
          size: (limits.maxBytes / 1024 / 1024).toFixed(1),
          formats: limits.formats.join('、'),
        })}
        {limits.sample ? (
          <Tooltip title={t('services.ringTone.sampleHint')}>
            <Tag color="orange">{t('common.sample')}</Tag>
          </Tooltip>
        ) : null}
      </Typography.Text>
      <Upload
        accept=".mp3,.wav,.m4a,audio/*"
        showUploadList={false}
        beforeUpload={(file) => {
          void fileBase64(file).then((base64) => upload.mutate({ enterpriseId, file: { name: file.name, base64 } }));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="ringtone-upload">
          {tone ? t('services.ringTone.replace') : t('services.ringTone.upload')}
        </Button>
      </Upload>
      {failure ? <Alert type="error" showIcon title={failure} data-testid="ringtone-failure" /> : null}
      {tone ? (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('services.ringTone.file')}>{tone.fileName}</Descriptions.Item>
            <Descriptions.Item label={t('services.ringTone.format')}>{tone.format.toUpperCase()}</Descriptions.Item>
            <Descriptions.Item label={t('services.ringTone.duration')}>
              <span data-testid="ringtone-duration">{t('services.ringTone.seconds', { seconds: tone.durationSeconds })}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('services.ringTone.size')}>{(tone.bytes / 1024).toFixed(0)} KB</Descriptions.Item>
          </Descriptions>
          <Player sha256={tone.sha256} />
          <Space wrap>
            <Radio.Group
              value={tone.members === 'all' ? 'all' : 'some'}
              onChange={(e) =>
                setMembers.mutate({ enterpriseId, members: e.target.value === 'all' ? 'all' : active.slice(0, 1).map((m) => m.id) })
              }
            >
              <Radio value="all">{t('services.ringTone.everyone')}</Radio>
              <Radio value="some">{t('services.ringTone.some')}</Radio>
            </Radio.Group>
            {tone.members !== 'all' ? (
              <Select
                aria-label={t('services.groups.members')}
                mode="multiple"
                optionFilterProp="label"
                style={{ minWidth: 320 }}
                value={tone.members}
                options={active.map((m) => ({ value: m.id, label: `${m.name} ${m.shortNumber ?? ''}` }))}
                onChange={(ids: string[]) => ids.length && setMembers.mutate({ enterpriseId, members: ids })}
              />
            ) : null}
            <Button danger icon={<DeleteOutlined />} loading={remove.isPending} onClick={() => remove.mutate({ enterpriseId })}>
              {t('services.ringTone.remove')}
            </Button>
          </Space>
        </>
      ) : (
        <Typography.Text type="secondary">{t('services.ringTone.none')}</Typography.Text>
      )}
    </Space>
  );
}
