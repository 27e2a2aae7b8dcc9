/**
 * Conflicts about a whole row: deleted on one side and edited on the other, a duplicate credit
 * code, a change the platform refused (no longer in my scope, invalid, a rule). What I sent and
 * what the platform has, side by side, and the choices that make sense for that kind.
 */
import { useState } from 'react';
import { Alert, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../../shared/api/sync';
import { checkEdit, type EditProblems } from '../state/editRules';
import { conflictTextKey, fieldLabel, isEditable } from '../state/format';
import { FieldEditor, fromDraft, toDraft, type Draft } from './FieldEditor';
import { ValueView } from './ValueView';

type Resolution = 'mine' | 'theirs' | 'edit' | 'keep';

interface Props {
  conflict: SyncConflict;
  busy: string | null;
  resolve: (resolution: Resolution, values?: Record<string, unknown>) => Promise<void>;
}

const HIDDEN = new Set(['id', 'enterpriseId', 'createdAt', 'updatedAt', 'status', 'groupCode']);
const SUMMARY = ['name', 'creditCode', 'address', 'contact', 'manager'];
/** Choices that throw work away or delete: asked twice. */
const CONFIRM: Record<string, Resolution[]> = {
  delete_vs_update: ['mine'],
  update_vs_delete: ['theirs'],
  duplicate_key: ['theirs'],
  forbidden: ['theirs'],
  invalid: ['theirs'],
  rejected: ['theirs'],
};

function shownFields(c: SyncConflict): string[] {
  const mine = Object.keys(c.mine).filter((k) => !HIDDEN.has(k));
  if (mine.length > 0) return mine;
  return SUMMARY.filter((k) => c.theirs && k in c.theirs);
}

export function RowConflict({ conflict, busy, resolve }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editable = Object.entries(conflict.mine).filter(([k, v]) => !HIDDEN.has(k) && isEditable(v));
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(editable.map(([k, v]) => [k, toDraft(v)])));
  const [problems, setProblems] = useState<Record<string, EditProblems>>({});
  const fields = shownFields(conflict);
  const reason = conflict.code ? t(`sync.rejection.${conflict.code}`, { defaultValue: conflict.message ?? conflict.code }) : '';
  const deleted = Object.keys(conflict.mine).length === 0;
  const words = conflictTextKey(conflict);

  const submitEdit = () => {
    const values: Record<string, unknown> = {};
    const found: Record<string, EditProblems> = {};
    for (const [field, original] of editable) {
      const checked = checkEdit(t, conflict.tbl, field, fromDraft(drafts[field]!, original));
      if ('problems' in checked) found[field] = checked.problems;
      else values[field] = checked.value;
    }
    setProblems(found);
    if (Object.keys(found).length === 0) void resolve('edit', values);
  };

  const action = (a: Resolution) => {
    const button = (
      <Button
        key={a}
        type={a === 'mine' ? 'primary' : 'default'}
        danger={CONFIRM[conflict.kind]?.includes(a)}
        loading={busy === a}
        data-testid={`conflict-${a}`}
        onClick={a === 'edit' ? () => setEditing(true) : CONFIRM[conflict.kind]?.includes(a) ? undefined : () => void resolve(a)}
      >
        {t(`sync.conflict.action.${words}.${a}`)}
      </Button>
    );
    if (a === 'edit' || !CONFIRM[conflict.kind]?.includes(a)) return button;
    return (
      <Popconfirm
        key={a}
        title={t(`sync.conflict.confirm.${words}.${a}`)}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() => void resolve(a)}
      >
        {button}
      </Popconfirm>
    );
  };

  return (
    <div className="ecw-sync-rowconflict">
      <Alert
        type={conflict.kind === 'forbidden' ? 'warning' : 'info'}
        showIcon
        title={t(`sync.conflict.explain.${words}`, { reason })}
        className="ecw-sync-gap"
      />
      <div className="ecw-sync-grid ecw-sync-grid-head">
        <span>{t('sync.conflict.field')}</span>
        <span>{t('sync.conflict.mineRow')}</span>
        <span>{t('sync.conflict.theirsRow')}</span>
      </div>
      {fields.map((f, i) => (
        <div key={f} className="ecw-sync-grid ecw-sync-field" data-testid="conflict-field" data-field={f}>
          <span className="ecw-sync-field-name">{fieldLabel(t, f)}</span>
          {deleted ? (
            <div className="ecw-sync-value is-mine">{t('sync.conflict.iDeleted')}</div>
          ) : (
            <ValueView field={f} value={conflict.mine[f]} other={conflict.theirs?.[f]} side="mine" />
          )}
          {conflict.theirs ? (
            <ValueView field={f} value={conflict.theirs[f]} other={deleted ? undefined : conflict.mine[f]} side="theirs" />
          ) : (
            <div className="ecw-sync-value is-theirs">{i === 0 ? t('sync.conflict.noTheirs') : ''}</div>
          )}
        </div>
      ))}
      {editing &&
        editable.map(([field]) => (
          <FieldEditor
            key={field}
            id={`conflict-${conflict.id}-${field}`}
            field={field}
            draft={drafts[field]!}
            problems={problems[field]}
            onChange={(d) => setDrafts((all) => ({ ...all, [field]: d }))}
          />
        ))}
      <div className="ecw-sync-actions">
        {editing ? (
          <>
            <Button type="primary" loading={busy === 'edit'} onClick={submitEdit} data-testid="conflict-submit">
              {t('sync.conflict.submitEdit')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
          </>
        ) : (
          conflict.actions.filter((a): a is Resolution => a !== 'export' && (a !== 'edit' || editable.length > 0)).map(action)
        )}
      </div>
    </div>
  );
}
