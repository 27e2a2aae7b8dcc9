/** First run: who is working on this machine (signs service orders and the audit trail). */
import { Button, Card, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SALES_CHANNELS } from '../../../shared/domain/enterprise';
import { useApiMutation } from '../api/hooks';
import { validationText } from '../i18n';
import { useShowError } from '../ui/apiErrors';

export function OperatorSetup({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; channel: (typeof SALES_CHANNELS)[number] }>();
  const showError = useShowError();
  const setOperator = useApiMutation('system.setOperator', { onSuccess: onDone, onError: showError });
  return (
    <main className="ecw-welcome">
      <div className="ecw-welcome-brand">{t('app.title')}</div>
      <Card title={t('operator.title')} className="ecw-welcome-card">
        <Typography.Paragraph>{t('operator.intro')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => setOperator.mutate(values)}
          initialValues={{ channel: 'customer_manager' }}
        >
          <Form.Item
            name="name"
            label={t('operator.name')}
            rules={[{ required: true, whitespace: true, message: validationText('operator.name.required') }]}
          >
            <Input autoFocus autoComplete="name" />
          </Form.Item>
          <Form.Item name="channel" label={t('operator.channel')}>
            <Select options={SALES_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={setOperator.isPending}>
            {t('operator.start')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
