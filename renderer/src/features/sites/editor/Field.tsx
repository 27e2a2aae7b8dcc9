/** A labelled field with its error; `field` is the path the report and the schema use for it. */
import type { ReactNode } from 'react';
import { Typography } from 'antd';

interface Props {
  label: ReactNode;
  field: string;
  error?: string;
  required?: boolean;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}

export function Field({ label, field, error, required, hint, children, className }: Props) {
  return (
    <div className={`ecw-field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`} data-field={field}>
      <label className="ecw-field-label">
        <span>
          {required ? <span className="ecw-required">*</span> : null}
          {label}
        </span>
        {children}
      </label>
      {error ? (
        <Typography.Text type="danger" className="ecw-small" data-testid="field-error">
          {error}
        </Typography.Text>
      ) : hint ? (
        <Typography.Text type="secondary" className="ecw-small">
          {hint}
        </Typography.Text>
      ) : null}
    </div>
  );
}
