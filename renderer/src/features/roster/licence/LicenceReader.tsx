/**
 * 营业执照 → the new-enterprise form: the licence photo (file or camera) is read offline, every
 * field is shown as read from the photo with those to check marked, and only a credit code that
 * passes its check character can be filled; when it fails, the corrections that pass are offered.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography, Upload } from 'antd';
import { CameraOutlined, FileImageOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/api';
import { call } from '../../../api/client';
import { apiErrorText } from '../../../ui/apiErrors';
import { fileBase64 } from '../../../ui/fileBase64';
import { LicenceCamera } from './LicenceCamera';

type Reading = Output<'licence.read'>;
type Field = Reading['uncertain'][number];

type Detail = 'type' | 'legalRepresentative' | 'registeredCapital' | 'establishedOn' | 'businessScope';

/** What the form takes: the record's fields, the licence's details, and the kept photo to link. */
export interface LicenceFill {
  name?: string;
  creditCode?: string;
  address?: string;
  licence: Partial<Record<Detail, string>>;
  photoSha256?: string;
}

const SHOWN: Field[] = [
  'name',
  'creditCode',
  'type',
  'legalRepresentative',
  'registeredCapital',
  'establishedOn',
  'address',
  'businessScope',
];
const DETAILS: Detail[] = ['type', 'legalRepresentative', 'registeredCapital', 'establishedOn', 'businessScope'];

export function LicenceReader({ onFill }: { onFill: (fill: LicenceFill) => void }) {
  const { t } = useTranslation();
  const [reading, setReading] = useState<Reading | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [cameraOpen, setCameraOpen] = useState(false);
  // The OCR models load while the clerk takes the licence in hand: the first read does not wait for them.
  useEffect(() => void call('licence.prepare', {}).catch(() => undefined), []);

  async function read(file: File) {
    setBusy(true);
    setFailure(null);
    try {
      const result = await call('licence.read', { source: { kind: 'file', name: file.name, base64: await fileBase64(file) }, keep: true });
      setReading(result);
      setCode(result.creditCodeValid ? result.creditCode : null);
    } catch (error) {
      setFailure(apiErrorText(error));
    } finally {
      setBusy(false);
    }
  }

  function fill() {
    if (!reading) return;
    const licence = Object.fromEntries(DETAILS.flatMap((f) => (reading[f] ? [[f, reading[f]]] : [])));
    onFill({
      ...(reading.name ? { name: reading.name } : {}),
      ...(code ? { creditCode: code } : {}),
      ...(reading.address ? { address: reading.address } : {}),
      licence,
      ...(reading.photo ? { photoSha256: reading.photo.sha256 } : {}),
    });
  }

  const unsureCode = reading && !reading.creditCodeValid && reading.creditCode;
  return (
    <Card size="small" title={t('licence.title')} data-testid="licence-reader">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('licence.hint')}</Typography.Text>
        <Space wrap>
          <Button
            type="primary"
            ghost
            icon={<CameraOutlined />}
            disabled={busy}
            onClick={() => setCameraOpen(true)}
            data-testid="licence-camera"
          >
            {t('licence.camera.open')}
          </Button>
          <Upload
            accept="image/*,.heic,.heif,.bmp,.tif,.tiff,application/pdf"
            showUploadList={false}
            beforeUpload={(file) => (void read(file), false)}
          >
            <Button icon={<FileImageOutlined />} loading={busy} data-testid="licence-pick">
              {busy ? t('licence.reading') : t('licence.pick')}
            </Button>
          </Upload>
        </Space>
        <LicenceCamera open={cameraOpen} onClose={() => setCameraOpen(false)} onCapture={(photo) => void read(photo)} />
        {failure && <Alert type="error" showIcon title={failure} />}
        {reading && (
          <>
            <Descriptions size="small" column={1} bordered data-testid="licence-fields">
              {SHOWN.map((f) => (
                <Descriptions.Item key={f} label={t(`licence.field.${f}`)}>
                  <Space wrap>
                    <span className={f === 'creditCode' ? 'ecw-mono' : undefined}>
                      {(f === 'creditCode' ? (code ?? reading.creditCode) : reading[f]) ?? t('licence.notRead')}
                    </span>
                    {reading[f] && <Tag color="blue">{t('licence.fromPhoto')}</Tag>}
                    {reading.uncertain.includes(f) && !(f === 'creditCode' && code) && <Tag color="orange">{t('licence.check')}</Tag>}
                  </Space>
                </Descriptions.Item>
              ))}
            </Descriptions>
            {unsureCode && (
              <Alert
                type="warning"
                showIcon
                data-testid="licence-code-unsure"
                title={t('licence.codeFails', {
                  chars: reading.creditCodeUnsure.map((i) => `第${i + 1}位“${reading.creditCode![i]}”`).join('、') || '—',
                })}
                description={
                  reading.creditCodeCorrections.length ? (
                    <Space wrap>
                      {t('licence.corrections')}
                      {reading.creditCodeCorrections.map((c) => (
                        <Button
                          key={c}
                          size="small"
                          type={code === c ? 'primary' : 'default'}
                          className="ecw-mono"
                          onClick={() => setCode(c)}
                          data-testid="licence-correction"
                        >
                          {c}
                        </Button>
                      ))}
                    </Space>
                  ) : (
                    t('licence.noCorrection')
                  )
                }
              />
            )}
            <Button type="primary" onClick={fill} data-testid="licence-fill">
              {t('licence.fill')}
            </Button>
          </>
        )}
      </Space>
    </Card>
  );
}
