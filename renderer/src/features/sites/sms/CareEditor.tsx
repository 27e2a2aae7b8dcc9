/** 关怀: greetings sent on a date, once or every year (中秋, 春节 …). */
import { Button, Card, Checkbox, Input, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CareMessage } from '../../../../../shared/sites/model';
import { Field } from '../editor/Field';
import { DateInput } from '../editor/items/DateField';
import type { FieldErrors } from '../editor/useDraftEditor';
import { SmsText } from './SmsText';

const newId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `care-${Date.now().toString(36)}`);
const isYearly = (date: string) => date.startsWith('--');
/** A yearly date is stored as --MM-DD; the picker shows it in the current year. */
const pickerDate = (date: string) => (isYearly(date) ? `${dayjs().year()}${date.slice(1)}` : date);

export function CareEditor({
  care,
  onChange,
  signature,
  errors,
}: {
  care: CareMessage[];
  onChange: (c: CareMessage[]) => void;
  signature: string;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<CareMessage>) => onChange(care.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Space orientation="vertical" size={8} className="ecw-fill" data-field="care">
      {care.map((c, i) => (
        <Card
          key={c.id}
          size="small"
          title={c.occasion || t('sites.sms.careUntitled')}
          extra={
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              onClick={() => onChange(care.filter((_, j) => j !== i))}
              aria-label={t('sites.sms.removeCare')}
            />
          }
        >
          <div className="ecw-field-row">
            <Field label={t('sites.sms.occasion')} field={`care.${i}.occasion`} error={errors[`care.${i}.occasion`]}>
              <Input value={c.occasion} maxLength={30} onChange={(e) => set(i, { occasion: e.target.value })} style={{ width: 140 }} />
            </Field>
            <Field label={t('sites.sms.careDate')} field={`care.${i}.date`} error={errors[`care.${i}.date`]}>
              <Space>
                <DateInput
                  value={c.date ? pickerDate(c.date) : undefined}
                  onChange={(d) => set(i, { date: d ? (isYearly(c.date) ? `--${d.slice(5)}` : d) : '' })}
                />
                <Checkbox
                  checked={isYearly(c.date)}
                  onChange={(e) => set(i, { date: e.target.checked ? `--${pickerDate(c.date).slice(5)}` : pickerDate(c.date) })}
                >
                  {t('sites.sms.yearly')}
                </Checkbox>
              </Space>
            </Field>
          </div>
          <SmsText
            label={t('sites.sms.careText')}
            field={`care.${i}.text`}
            value={c.text}
            onChange={(text) => set(i, { text })}
            signature={signature}
            max={500}
            rows={2}
            error={errors[`care.${i}.text`]}
            required
          />
        </Card>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() => onChange([...care, { id: newId(), date: dayjs().format('YYYY-MM-DD'), occasion: '', text: '' }])}
      >
        {t('sites.sms.addCare')}
      </Button>
    </Space>
  );
}
