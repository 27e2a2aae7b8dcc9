/**
 * Same field changed on two sides: per field the value both started from (where known), mine and
 * theirs side by side, and a choice — 保留我的 / 采用对方 / 编辑后提交 (with a small form).
 */
import { useState } from 'react';
import { Button, Radio } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../../shared/api/sync';
import { checkEdit, type EditProblems } from '../state/editRules';
import { fieldLabel, isEditable } from '../state/format';
import { FieldEditor, fromDraft, toDraft, type Draft } from './FieldEditor';
import { ValueView } from './ValueView';

type Choice = 'mine' | 'theirs' | 'edit';
type Resolve = (resolution: Choice, values?: Record<string, unknown>) => Promise<void>;

interface Props {
  conflict: SyncConflict;
  busy: string | null;
  resolve: Resolve;
}

export function FieldConflict({ conflict, busy, resolve }: Props) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(conflict.fields.map((f) => [f.field, toDraft(f.mine)])),
  );
  const [problems, setProblems] = useState<Record<string, EditProblems>>({});
  const hasBase = conflict.fields.some((f) => 'base' in f);
  const allChosen = conflict.fields.every((f) => choices[f.field]);

  const submit = () => {
    const picked = conflict.fields.map((f) => choices[f.field]);
    if (picked.every((c) => c === 'theirs')) return void resolve('theirs');
    if (picked.every((c) => c === 'mine')) return void resolve('mine');
    const values: Record<string, unknown> = {};
    const found: Record<string, EditProblems> = {};
    for (const f of conflict.fields) {
      if (choices[f.field] === 'mine') values[f.field] = f.mine;
      if (choices[f.field] !== 'edit') continue;
      const checked = checkEdit(t, conflict.tbl, f.field, fromDraft(drafts[f.field]!, f.mine));
      if ('problems' in checked) found[f.field] = checked.problems;
      else values[f.field] = checked.value;
    }
    setProblems(found);
    if (Object.keys(found).length === 0) void resolve('edit', values);
  };

  return (
    <div className="ecw-sync-fieldconflict">
      <div className={`ecw-sync-grid ecw-sync-grid-head${hasBase ? ' has-base' : ''}`}>
        <span>{t('sync.conflict.field')}</span>
        {hasBase && <span>{t('sync.conflict.base')}</span>}
        <span>{t('sync.conflict.mine')}</span>
        <span>{t('sync.conflict.theirs')}</span>
      </div>
      {conflict.fields.map((f) => (
        <div key={f.field} className="ecw-sync-field" data-testid="conflict-field" data-field={f.field}>
          <div className={`ecw-sync-grid${hasBase ? ' has-base' : ''}`}>
            <span className="ecw-sync-field-name">{fieldLabel(t, f.field)}</span>
            {hasBase && <ValueView field={f.field} value={f.base} side="base" />}
            <ValueView field={f.field} value={f.mine} other={f.theirs} side="mine" testId="conflict-mine" />
            <ValueView field={f.field} value={f.theirs} other={f.mine} side="theirs" testId="conflict-theirs" />
          </div>
          <Radio.Group
            className="ecw-sync-choice"
            optionType="button"
            value={choices[f.field]}
            onChange={(e) => setChoices((c) => ({ ...c, [f.field]: e.target.value as Choice }))}
            options={[
              { value: 'mine', label: t('sync.conflict.keepMine') },
              { value: 'theirs', label: t('sync.conflict.takeTheirs') },
              ...(isEditable(f.mine) ? [{ value: 'edit', label: t('sync.conflict.edit') }] : []),
            ]}
          />
          {choices[f.field] === 'edit' && (
            <FieldEditor
              id={`conflict-${conflict.id}-${f.field}`}
              field={f.field}
              draft={drafts[f.field]!}
              problems={problems[f.field]}
              onChange={(d) => setDrafts((all) => ({ ...all, [f.field]: d }))}
            />
          )}
        </div>
      ))}
      <div className="ecw-sync-actions">
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={!allChosen}
          loading={busy !== null && busy !== 'export'}
          onClick={submit}
          data-testid="conflict-submit"
        >
          {t('sync.conflict.submit')}
        </Button>
        {!allChosen && <span className="ecw-muted">{t('sync.conflict.chooseEach')}</span>}
      </div>
    </div>
  );
}
