/** The signer's name and the signature pad; sends both to `sites.signOff` for the current revision. */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Input, Space } from 'antd';
import { ClearOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../../../shared/domain/enterprise';
import { call } from '../../../api/client';
import { apiErrorOf, apiErrorText } from '../../../app/apiErrors';
import { validationText } from '../../../i18n';
import { useSignaturePad } from '../../orders/order/useSignaturePad';
import { useBuilder } from '../state/siteStore';

interface Errors {
  signer?: string;
  signature?: string;
  form?: string;
}

export function SignOffForm({ enterprise, disabled, onSigned }: { enterprise: Enterprise; disabled: boolean; onSigned: (documentTitle: string) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const site = useBuilder((s) => s.site!);
  const { canvasRef, empty, clear, undo, toPngBase64 } = useSignaturePad();
  const [signer, setSigner] = useState(enterprise.contact.name);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const sign = async () => {
    const png = toPngBase64();
    const next: Errors = {};
    if (!signer.trim()) next.signer = validationText('signer.required');
    if (!png) next.signature = validationText('signature.required');
    setErrors(next);
    if (next.signer || next.signature) return;
    setBusy(true);
    try {
      const signed = await call('sites.signOff', { siteId: site.id, signerName: signer.trim(), signaturePngBase64: png! });
      void message.success(t('sites.signoff.done', { revision: signed.site.signedOffRevision }));
      onSigned(signed.document.title);
      useBuilder.getState().setSite(signed.site);
    } catch (error) {
      if (apiErrorOf(error).code === 'site.stale') void useBuilder.getState().reload();
      setErrors({ form: apiErrorText(error) });
      setBusy(false);
    }
  };

  return (
    <>
      <label className="ecw-field-label">
        {t('sites.signoff.signer')}
        <Input
          value={signer}
          maxLength={50}
          status={errors.signer ? 'error' : undefined}
          onChange={(e) => (setSigner(e.target.value), setErrors((s) => ({ ...s, signer: undefined })))}
          style={{ maxWidth: 240 }}
          data-testid="signoff-signer"
        />
      </label>
      {errors.signer ? <div className="ecw-error-text">{errors.signer}</div> : null}
      <div className={`ecw-signoff-box${errors.signature ? ' is-invalid' : ''}`}>
        {empty ? <div className="ecw-signoff-placeholder">{t('sites.signoff.placeholder')}</div> : null}
        <div className="ecw-signoff-line" />
        <canvas ref={canvasRef} data-testid="signoff-canvas" aria-label={t('sites.signoff.signature')} onPointerDown={() => setErrors((s) => ({ ...s, signature: undefined }))} />
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
