/** A text an SMS reply carries, with its live billing count. */
import { Input } from 'antd';
import { Field } from '../editor/Field';
import { SmsCountTag } from './SmsCountTag';

interface Props {
  label: string;
  field: string;
  value: string;
  onChange: (value: string) => void;
  signature: string;
  max: number;
  error?: string;
  hint?: string;
  required?: boolean;
  limit?: number;
  rows?: number;
}

export function SmsText({ label, field, value, onChange, signature, max, error, hint, required, limit, rows = 1 }: Props) {
  return (
    <Field
      label={
        <>
          {label} <SmsCountTag text={value} signature={signature} limit={limit} />
        </>
      }
      field={field}
      error={error}
      hint={hint}
      required={required}
    >
      {rows > 1 ? (
        <Input.TextArea value={value} maxLength={max} autoSize={{ minRows: rows, maxRows: 6 }} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <Input value={value} maxLength={max} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}
