/** The customer signs on screen; the signer's name and the signature go to `orders.sign`, which makes the PDF. */
import { Alert, App as AntApp, Button, Form, Input, Space, Typography } from 'antd';
import { ClearOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../../../shared/domain/order';
import { useApiMutation } from '../../../api/hooks';
import { apiErrorOf, apiErrorText } from '../../../ui/apiErrors';
import { validationText } from '../../../i18n';
import { useSignatureForm } from '../../../ui/signature/useSignatureForm';

interface Props {
  order: Order;
  defaultSigner: string;
  onSigned: (order: Order) => void;
}

export function SignaturePanel({ order, defaultSigner, onSigned }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { canvasRef, empty, clear, undo, signer, setSigner, errors, busy, clearSignatureError, submit } = useSignatureForm(defaultSigner);
  const signOrder = useApiMutation('orders.sign');

  const sign = async () => {
    const signed = await submit(
      (signerName, png) => signOrder.mutateAsync({ id: order.id, signerName, signaturePngBase64: png }),
      (error) => {
        const e = apiErrorOf(error);
        const field = e.field ?? e.issues?.[0]?.field;
        const text = e.issues?.[0] ? validationText(e.issues[0].code) : apiErrorText(error);
        return field === 'signerName'
          ? { signer: text }
          : field === 'signaturePngBase64'
            ? { signature: text }
            : { form: apiErrorText(error) };
      },
    );
    if (!signed) return;
    void message.success(t('orders.sign.signed'));
    onSigned(signed);
  };

  return (
    <Form layout="vertical" component="div">
      <Form.Item
        label={t('orders.field.signer')}
        required
        htmlFor="order-signer"
        validateStatus={errors.signer ? 'error' : undefined}
        help={errors.signer}
        className="ecw-form-item"
      >
        <Input
          id="order-signer"
          value={signer}
          maxLength={50}
          autoComplete="off"
          onChange={(e) => setSigner(e.target.value)}
          onPressEnter={() => void sign()}
          style={{ maxWidth: 280 }}
        />
      </Form.Item>
      <Form.Item
        label={t('orders.field.signature')}
        required
        validateStatus={errors.signature ? 'error' : undefined}
        help={errors.signature ?? t('orders.sign.hint')}
        className="ecw-form-item"
      >
        <div className={`ecw-signature-box${errors.signature ? ' is-invalid' : ''}`}>
          {empty && <div className="ecw-signature-placeholder">{t('orders.sign.placeholder')}</div>}
          <div className="ecw-signature-line" />
          <canvas
            ref={canvasRef}
            data-testid="signature-canvas"
            aria-label={t('orders.field.signature')}
            onPointerDown={clearSignatureError}
          />
        </div>
      </Form.Item>
      {errors.form && <Alert type="error" showIcon title={errors.form} style={{ marginBottom: 12 }} />}
      <Space wrap>
        <Button type="primary" loading={busy} onClick={() => void sign()} data-testid="signature-confirm">
          {t('orders.sign.confirm')}
        </Button>
        <Button icon={<UndoOutlined />} onClick={undo} disabled={empty}>
          {t('orders.sign.undo')}
        </Button>
        <Button icon={<ClearOutlined />} onClick={clear} disabled={empty} data-testid="signature-clear">
          {t('orders.sign.clear')}
        </Button>
        <Typography.Text type="secondary">{t('orders.sign.afterHint')}</Typography.Text>
      </Space>
    </Form>
  );
}
