/** 调查: a question answered by replying 1 … 9. */
import { Button, Input, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Survey } from '../../../../../shared/sites/model';
import { Field } from '../editor/Field';
import type { FieldErrors } from '../editor/useDraftEditor';
import { SmsText } from './SmsText';

export const defaultSurvey = (): Survey => ({
  enabled: true,
  question: '您对我们的服务满意吗？',
  options: ['满意', '一般', '不满意'],
  thanks: '感谢您的参与！',
});

export function SurveyEditor({
  survey,
  onChange,
  signature,
  errors,
}: {
  survey: Survey;
  onChange: (s: Survey) => void;
  signature: string;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Survey>) => onChange({ ...survey, ...patch });
  const question = [survey.question, ...survey.options.map((o, i) => `${i + 1}${o}`)].join('\n');
  return (
    <div data-field="survey">
      <Field label={t('sites.sms.surveyEnabled')} field="survey.enabled">
        <Switch checked={survey.enabled} onChange={(enabled) => set({ enabled })} />
      </Field>
      <SmsText
        label={t('sites.sms.question')}
        field="survey.question"
        value={survey.question}
        onChange={(q) => set({ question: q })}
        signature={signature}
        max={140}
        error={errors['survey.question']}
        required
      />
      <Field
        label={t('sites.sms.options')}
        field="survey.options"
        error={errors['survey.options']}
        hint={t('sites.sms.questionCount', { text: question.length })}
      >
        <Space orientation="vertical" size={4}>
          {survey.options.map((option, i) => (
            <Space.Compact key={i}>
              <span className="ecw-option-key">{i + 1}</span>
              <Input
                value={option}
                maxLength={30}
                status={errors[`survey.options.${i}`] ? 'error' : undefined}
                onChange={(e) => set({ options: survey.options.map((o, j) => (j === i ? e.target.value : o)) })}
              />
              <Button
                icon={<DeleteOutlined />}
                disabled={survey.options.length <= 2}
                onClick={() => set({ options: survey.options.filter((_, j) => j !== i) })}
                aria-label={t('sites.sms.removeOption')}
              />
            </Space.Compact>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={survey.options.length >= 9}
            onClick={() => set({ options: [...survey.options, ''] })}
          >
            {t('sites.sms.addOption')}
          </Button>
        </Space>
      </Field>
      <SmsText
        label={t('sites.sms.thanks')}
        field="survey.thanks"
        value={survey.thanks}
        onChange={(thanks) => set({ thanks })}
        signature={signature}
        max={140}
        error={errors['survey.thanks']}
      />
    </div>
  );
}
