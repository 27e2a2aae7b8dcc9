/** The signer's name and the signature pad; sends both to `sites.signOff` for the current revision. */
import { Alert, App as AntApp, Button, Input, Space } from 'antd';
import { ClearOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../../../shared/domain/enterprise';
import { useApiMutation } from '../../../api/hooks';
import { apiErrorOf, apiErrorText } from '../../../ui/apiErrors';
import { useSignatureForm } from '../../../ui/signature/useSignatureForm';
import { useBuilder } from '../state/siteStore';

export function SignOffForm({
  enterprise,
  disabled,
  onSigned,
}: {
  enterprise: Enterprise;
  disabled: boolean;
  onSigned: (documentTitle: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const site = useBuilder((s) => s.site!);
  const { canvasRef, empty, clear, undo, signer, setSigner, errors, busy, clearSignatureError, submit } = useSignatureForm(
    enterprise.contact.name,
  );
  const signOff = useApiMutation('sites.signOff');

  const sign = async () => {
    const signed = await submit(
      (signerName, png) => signOff.mutateAsync({ siteId: site.id, signerName, signaturePngBase64: png }),
      (error) => {
        if (apiErrorOf(error).code === 'site.stale') void useBuilder.getState().reload();
        return { form: apiErrorText(error) };
      },
    );
    if (!signed) return;
    void message.success(t('sites.signoff.done', { revision: signed.site.signedOffRevision }));
    onSigned(signed.document.title);
    useBuilder.getState().receive(signed.site);
  };

  return (
    <>
      <label className="ecw-field-label">
        {t('sites.signoff.signer')}
        <Input
          value={signer}
          maxLength={50}
          status={errors.signer ? 'error' : undefined}
          onChange={(e) => setSigner(e.target.value)}
          style={{ maxWidth: 240 }}
          data-testid="signoff-signer"
        />
      </label>
      {errors.signer ? <div className="ecw-error-text">{errors.signer}</div> : null}
      <div className={`ecw-signoff-box${errors.signature ? ' is-invalid' : ''}`}>
        {empty ? <div className="ecw-signoff-placeholder">{t('sites.signoff.placeholder')}</div> : null}
        <div className="ecw-signoff-line" />
        <canvas
          ref={canvasRef}
          data-testid="signoff-canvas"
          aria-label={t('sites.signoff.signature')}
          onPointerDown={clearSignatureError}
        />
      </div>
      {errors.signature ? <div className="ecw-error-text">{errors.signature}</div> : null}
      {errors.form ? <Alert type="error" showIcon title={errors.form} className="ecw-gap-top" /> : null}
      <Space wrap className="ecw-gap-top">
        <Button type="primary" loading={busy} disabled={disabled} onClick={() => void sign()} data-testid="signoff-confirm">
          {t('sites.signoff.confirm', { revision: site.revision })}
        </Button>
        <Button icon={<UndoOutlined />} onClick={undo} disabled={empty}>
          {t('sites.signoff.undo')}
        </Button>
        <Button icon={<ClearOutlined />} onClick={clear} disabled={empty}>
          {t('sites.signoff.clear')}
        </Button>
      </Space>
    </>
  );
}
