/**
 * The small form behind "编辑后提交": one input for a text field, one per part for a group
 * (contact: name, mobile, email). What is typed stays until it is sent or the choice changes.
 */
import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EditProblems } from '../state/editRules';
import { fieldLabel } from '../state/format';

export type Draft = string | Record<string, string>;

const asText = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function toDraft(value: unknown): Draft {
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]));
  return asText(value);
}

export function fromDraft(draft: Draft, original: unknown): unknown {
  if (typeof draft === 'string') return typeof original === 'number' ? Number(draft) : draft.trim();
  return Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim()]));
}

const LONG = new Set(['note', 'content']);

interface Props {
  id: string;
  field: string;
  draft: Draft;
  problems: EditProblems | undefined;
  onChange: (draft: Draft) => void;
}

export function FieldEditor({ id, field, draft, problems, onChange }: Props) {
  const { t } = useTranslation();
  if (typeof draft === 'string') {
    const long = LONG.has(field) || draft.length > 60;
    const props = { id, value: draft, status: problems?.[''] ? ('error' as const) : undefined, 'data-testid': 'conflict-edit' };
    return (
      <Form.Item
        className="ecw-sync-editor"
        label={t('sync.conflict.editLabel', { field: fieldLabel(t, field) })}
        htmlFor={id}
        validateStatus={problems?.[''] ? 'error' : undefined}
        help={problems?.['']}
      >
        {long ? (
          <Input.TextArea {...props} autoSize={{ minRows: 2, maxRows: 6 }} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <Input {...props} onChange={(e) => onChange(e.target.value)} />
        )}
      </Form.Item>
    );
  }
  return (
    <div className="ecw-sync-editor-group">
      {Object.entries(draft).map(([key, value]) => (
        <Form.Item
          key={key}
          layout="vertical"
          className="ecw-sync-editor"
          label={fieldLabel(t, `${field}_${key}`)}
          htmlFor={`${id}-${key}`}
          validateStatus={problems?.[key] ? 'error' : undefined}
          help={problems?.[key]}
        >
          <Input
            id={`${id}-${key}`}
            data-testid={`conflict-edit-${key}`}
            value={value}
            status={problems?.[key] ? 'error' : undefined}
            onChange={(e) => onChange({ ...draft, [key]: e.target.value })}
          />
        </Form.Item>
      ))}
      {problems?.[''] && <Typography.Text type="danger">{problems['']}</Typography.Text>}
    </div>
  );
}
