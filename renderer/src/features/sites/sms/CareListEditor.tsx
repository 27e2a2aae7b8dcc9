/**
 * 关怀名单: the numbers the care messages go to besides those that texted the SMS site, pasted or
 * imported from a .txt/.csv file, each cleaned and checked as a roster's mobiles (readCareList).
 * The count is shown before anything is sent; the list is saved with the site like any SMS setting.
 */
import { Alert, Button, Input, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARE_LIST_TEXT_MAX, readCareList, type CareListReading } from '../../../../../shared/domain/careList';
import type { FieldErrors } from '../editor/useDraftEditor';

/** The refused lines shown (the rest are counted). */
const SHOWN_REFUSALS = 5;

export function CareListEditor({ list, onChange, errors }: { list: string[]; onChange: (list: string[]) => void; errors: FieldErrors }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [reading, setReading] = useState<CareListReading | null>(null);
  const add = (source: string) => {
    const read = readCareList(source, list);
    setReading(read);
    if (read.added.length > 0) onChange([...list, ...read.added]);
    setText('');
  };
  const importFile = (file: File) => {
    if (file.size > CARE_LIST_TEXT_MAX) setReading(null);
    else void file.text().then(add);
    return false;
  };
  return (
    <Space orientation="vertical" size={8} className="ecw-fill" data-field="careList">
      <Typography.Text strong data-testid="care-list-count">
        {t('sites.sms.careListCount', { count: list.length })}
      </Typography.Text>
      <Typography.Text type="secondary" className="ecw-small">
        {t('sites.sms.careListHint')}
      </Typography.Text>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={4}
        maxLength={CARE_LIST_TEXT_MAX}
        placeholder={t('sites.sms.careListPlaceholder')}
        aria-label={t('sites.sms.careListPaste')}
        data-testid="care-list-paste"
      />
      <Space wrap>
        <Button icon={<PlusOutlined />} disabled={!text.trim()} onClick={() => add(text)} data-testid="care-list-add">
          {t('sites.sms.careListAdd')}
        </Button>
        <Upload accept=".txt,.csv,text/plain,text/csv" showUploadList={false} beforeUpload={importFile}>
          <Button icon={<ImportOutlined />}>{t('sites.sms.careListImport')}</Button>
        </Upload>
        <Button danger icon={<DeleteOutlined />} disabled={list.length === 0} onClick={() => onChange([])}>
          {t('sites.sms.careListClear')}
        </Button>
      </Space>
      {reading && <ReadingResult reading={reading} />}
      {errors.careList && <Typography.Text type="danger">{errors.careList}</Typography.Text>}
    </Space>
  );
}

function ReadingResult({ reading }: { reading: CareListReading }) {
  const { t } = useTranslation();
  const { added, duplicates, rejected, overLimit } = reading;
  const refusals = rejected
    .slice(0, SHOWN_REFUSALS)
    .map((r) => t('sites.sms.careListRefused', { line: r.line, text: r.text, problem: t(`sites.sms.careListProblem.${r.problem}`) }));
  if (rejected.length > SHOWN_REFUSALS) refusals.push(t('sites.sms.careListMoreRefused', { count: rejected.length - SHOWN_REFUSALS }));
  return (
    <Alert
      type={rejected.length > 0 || overLimit > 0 ? 'warning' : 'success'}
      showIcon
      title={t('sites.sms.careListRead', { added: added.length, duplicates, rejected: rejected.length, overLimit })}
      description={refusals.length > 0 ? refusals.map((line) => <div key={line}>{line}</div>) : undefined}
      data-testid="care-list-reading"
    />
  );
}
