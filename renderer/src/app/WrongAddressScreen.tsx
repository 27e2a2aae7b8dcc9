/**
 * Browser mode refused the page's token: it was opened without the address the terminal printed
 * (a new tab, a bookmark), or with one from before the service restarted. Says which, and how to
 * get the right address; nothing saved is affected.
 */
import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function WrongAddressScreen({ reason }: { reason: 'token_missing' | 'token_rejected' }) {
  const { t } = useTranslation();
  return (
    <main style={{ maxWidth: 720, margin: '64px auto', padding: 16 }}>
      <Card title={t(`wrongAddress.title.${reason}`)} data-testid="wrong-address">
        <Typography.Paragraph>{t(`wrongAddress.why.${reason}`)}</Typography.Paragraph>
        <Typography.Paragraph strong>{t('wrongAddress.howTitle')}</Typography.Paragraph>
        <ol>
          <li>
            {t('wrongAddress.step1')}{' '}
            <Typography.Text code>{t('wrongAddress.printed', { origin: window.location.origin })}</Typography.Text>
          </li>
          <li>{t('wrongAddress.step2')}</li>
        </ol>
        <Alert type="info" showIcon title={t('wrongAddress.safe')} />
      </Card>
    </main>
  );
}
