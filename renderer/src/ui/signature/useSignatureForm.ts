/**
 * A signer's name and a signature on the pad, checked together before they are sent: what the
 * service order's signature and the site sign-off share. Errors are per field (and `form` for the rest).
 */
import { useState } from 'react';
import { validationText } from '../../i18n';
import { useSignaturePad } from './useSignaturePad';

export interface SignatureErrors {
  signer?: string;
  signature?: string;
  form?: string;
}

export function useSignatureForm(defaultSigner: string) {
  const pad = useSignaturePad();
  const [signer, setSignerText] = useState(defaultSigner);
  const [errors, setErrors] = useState<SignatureErrors>({});
  const [busy, setBusy] = useState(false);

  const setSigner = (value: string) => {
    setSignerText(value);
    setErrors((s) => ({ ...s, signer: undefined }));
  };
  const clearSignatureError = () => setErrors((s) => ({ ...s, signature: undefined }));

  /**
   * Checks both fields, then sends the trimmed name and the PNG; a failure becomes the errors
   * `errorsOf` makes of it. Resolves with what `send` returned, or undefined when nothing was sent
   * or it failed.
   */
  const submit = async <T>(
    send: (signerName: string, png: string) => Promise<T>,
    errorsOf: (error: unknown) => SignatureErrors,
  ): Promise<T | undefined> => {
    const png = pad.toPngBase64();
    const missing: SignatureErrors = {};
    if (!signer.trim()) missing.signer = validationText('signer.required');
    if (!png) missing.signature = validationText('signature.required');
    setErrors(missing);
    if (missing.signer || missing.signature) return undefined;
    setBusy(true);
    try {
      return await send(signer.trim(), png!);
    } catch (error) {
      setErrors(errorsOf(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  return { ...pad, signer, setSigner, errors, busy, clearSignatureError, submit };
}
