/** The column's title, saved when the field is left or Enter is pressed; a refused title stays as typed. */
import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../../../../shared/sites/model';
import { apiErrorText } from '../../../ui/apiErrors';
import { validationText } from '../../../i18n';
import { isStale, save } from '../state/siteStore';
import { Field } from './Field';

export function ColumnTitle({ column }: { column: Column }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(column.title);
  const [error, setError] = useState('');
  useEffect(() => setTitle(column.title), [column.id, column.title]);

  const commit = async () => {
    const trimmed = title.trim();
    if (trimmed === column.title) return setError('');
    if (!trimmed) return setError(validationText('site.text.required'));
    try {
      // Leaving the field right after Enter commits twice: the second finds the title saved and changes nothing.
      await save('sites.updateColumn', (site) =>
        site.content.columns.find((c) => c.id === column.id)?.title === trimmed ? null : { columnId: column.id, title: trimmed },
      );
      setError('');
    } catch (e) {
      if (!isStale(e)) setError(apiErrorText(e));
    }
  };

  return (
    <Field label={t('sites.column.title')} field="title" error={error} required>
      <Input
        value={title}
        maxLength={30}
        showCount
        onChange={(e) => setTitle(e.target.value)}
        onBlur={() => void commit()}
        onPressEnter={() => void commit()}
        data-testid="column-title"
      />
    </Field>
  );
}
