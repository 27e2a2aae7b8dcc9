/** The enterprise's 营业执照 photo (or PDF scan) kept at registration: a thumbnail that opens large, or the PDF to download. */
import { Button, Image, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fileUrl } from '../../../api/client';
import { useApiQuery } from '../../../api/hooks';
import { download } from '../../../ui/download';

export function LicencePhoto({ enterpriseId, sha256 }: { enterpriseId: string; sha256: string }) {
  const { t } = useTranslation();
  // Addressed by the photo's hash too: a new photo is a new address.
  const file = useApiQuery('files.licencePhoto', { enterpriseId, sha256 });
  const url = fileUrl('files.licencePhoto', { enterpriseId, sha256 });
  if (file.error) return <Typography.Text type="secondary">{t('enterprises.detail.licencePhotoPending')}</Typography.Text>;
  if (!file.data) return null;
  if (file.data.mime.startsWith('image/'))
    return <Image src={url} width={160} alt={t('enterprises.detail.licencePhoto')} data-testid="licence-photo" />;
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      onClick={() => download(url, file.data.fileName ?? 'licence.pdf')}
      data-testid="licence-photo"
    >
      {t('enterprises.detail.licencePhotoOpen')}
    </Button>
  );
}
