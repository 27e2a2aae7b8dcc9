/** A labelled field with its message underneath: red for an error, amber for a warning, grey for a hint. */
import type { ReactNode } from 'react';
import { Form } from 'antd';

interface Props {
  id: string;
  label: string;
  required?: boolean;
  error?: ReactNode;
  warning?: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
}

export function FormField({ id, label, required, error, warning, hint, children }: Props) {
  const status = error ? 'error' : warning ? 'warning' : undefined;
  const help = error || warning || hint;
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      required={required}
      validateStatus={status}
      help={help ? <span data-testid={`${id}-help`}>{help}</span> : undefined}
      className="ecw-form-item"
    >
      {children}
    </Form.Item>
  );
}
