/** 短信网站: signature, menu texts, which columns, guestbook, lottery, survey, care messages and the care list. */
import { useRef } from 'react';
import { Card, Checkbox, Collapse, Input, InputNumber, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { smsSettingsSchema, sortedColumns, type SmsSettings } from '../../../../../shared/sites/model';
import { useShowError } from '../../../ui/apiErrors';
import { Field } from '../editor/Field';
import { SaveBar } from '../editor/SaveBar';
import { useDraftEditor } from '../editor/useDraftEditor';
import { useFieldFocus } from '../editor/useFieldFocus';
import { save, useBuilder } from '../state/siteStore';
import { CareEditor } from './CareEditor';
import { CareListEditor } from './CareListEditor';
import { defaultLottery, LotteryEditor } from './LotteryEditor';
import { SmsText } from './SmsText';
import { defaultSurvey, SurveyEditor } from './SurveyEditor';

function SmsColumns() {
  const { t } = useTranslation();
  const showError = useShowError();
  const content = useBuilder((s) => s.site!.content);
  const columns = sortedColumns(content);
  return (
    <Field label={t('sites.sms.columns')} field="columns" hint={t('sites.sms.columnsHint')}>
      <div className="ecw-sms-columns">
        {columns.map((c) => (
          <Checkbox
            key={c.id}
            checked={c.channels.sms}
            onChange={(e) =>
              void save('sites.updateColumn', { columnId: c.id, channels: { ...c.channels, sms: e.target.checked } }).catch(showError)
            }
          >
            {c.title}
          </Checkbox>
        ))}
      </div>
    </Field>
  );
}

export function SmsEditor() {
  const { t } = useTranslation();
  const saved = useBuilder((s) => s.site!.content.sms);
  const shortName = useBuilder((s) => s.site!.content.profile.shortName);
  const draft = useBuilder((s) => s.drafts.sms);
  const setDraft = useBuilder((s) => s.setSmsDraft);
  const root = useRef<HTMLDivElement>(null);
  const editor = useDraftEditor({
    root,
    saved,
    draft,
    setDraft,
    schema: smsSettingsSchema,
    store: (sms) => save('sites.updateSms', { sms }),
    fieldPrefix: 'sms.',
  });
  useFieldFocus(root, true);
  const s = editor.value;
  const e = editor.errors;
  const set = (patch: Partial<SmsSettings>) => editor.change({ ...s, ...patch });
  const signature = s.signature || shortName;

  const sections = [
    {
      key: 'menu',
      label: t('sites.sms.menuSection'),
      children: (
        <>
          <SmsText
            label={t('sites.sms.welcome')}
            field="menu.welcome"
            value={s.menu.welcome}
            onChange={(welcome) => set({ menu: { ...s.menu, welcome } })}
            signature={signature}
            max={60}
            error={e['menu.welcome']}
            limit={1}
            hint={t('sites.sms.welcomeHint')}
          />
          <div className="ecw-field-row">
            <Field label={t('sites.sms.back')} field="menu.back" error={e['menu.back']}>
              <Input
                value={s.menu.back}
                maxLength={30}
                placeholder="回0返回主菜单"
                onChange={(ev) => set({ menu: { ...s.menu, back: ev.target.value } })}
              />
            </Field>
            <Field label={t('sites.sms.more')} field="menu.more" error={e['menu.more']}>
              <Input
                value={s.menu.more}
                maxLength={30}
                placeholder="回9看更多"
                onChange={(ev) => set({ menu: { ...s.menu, more: ev.target.value } })}
              />
            </Field>
          </div>
          <SmsColumns />
        </>
      ),
    },
    {
      key: 'guestbook',
      label: t('sites.sms.guestbookSection'),
      children: (
        <div data-field="guestbook">
          <Field label={t('sites.sms.guestbookEnabled')} field="guestbook.enabled" hint={t('sites.sms.guestbookHint')}>
            <Switch checked={s.guestbook.enabled} onChange={(enabled) => set({ guestbook: { ...s.guestbook, enabled } })} />
          </Field>
          <SmsText
            label={t('sites.sms.guestbookPrompt')}
            field="guestbook.prompt"
            value={s.guestbook.prompt}
            onChange={(prompt) => set({ guestbook: { ...s.guestbook, prompt } })}
            signature={signature}
            max={140}
            error={e['guestbook.prompt']}
          />
          <SmsText
            label={t('sites.sms.thanks')}
            field="guestbook.thanks"
            value={s.guestbook.thanks}
            onChange={(thanks) => set({ guestbook: { ...s.guestbook, thanks } })}
            signature={signature}
            max={140}
            error={e['guestbook.thanks']}
          />
        </div>
      ),
    },
    {
      key: 'lottery',
      label: t('sites.sms.lotterySection'),
      children: s.lottery ? (
        <LotteryEditor lottery={s.lottery} onChange={(lottery) => set({ lottery })} signature={signature} errors={e} />
      ) : (
        <Switch
          checked={false}
          onChange={() => set({ lottery: defaultLottery() })}
          checkedChildren={t('sites.sms.on')}
          unCheckedChildren={t('sites.sms.off')}
        />
      ),
    },
    {
      key: 'survey',
      label: t('sites.sms.surveySection'),
      children: s.survey ? (
        <SurveyEditor survey={s.survey} onChange={(survey) => set({ survey })} signature={signature} errors={e} />
      ) : (
        <Switch
          checked={false}
          onChange={() => set({ survey: defaultSurvey() })}
          checkedChildren={t('sites.sms.on')}
          unCheckedChildren={t('sites.sms.off')}
        />
      ),
    },
    {
      key: 'care',
      label: t('sites.sms.careSection', { count: s.care.length }),
      children: <CareEditor care={s.care} onChange={(care) => set({ care })} signature={signature} errors={e} />,
    },
    {
      key: 'careList',
      label: t('sites.sms.careListSection', { count: s.careList?.length ?? 0 }),
      children: <CareListEditor list={s.careList ?? []} onChange={(careList) => set({ careList })} errors={e} />,
    },
  ];

  return (
    <div ref={root} className="ecw-form-fields" data-testid="sms-editor">
      <Card size="small" title={t('sites.sms.basics')}>
        <div className="ecw-field-row">
          <Field label={t('sites.sms.signature')} field="signature" error={e.signature} hint={t('sites.sms.signatureHint', { shortName })}>
            <Input
              value={s.signature}
              maxLength={20}
              placeholder={shortName}
              onChange={(ev) => set({ signature: ev.target.value })}
              style={{ width: 180 }}
            />
          </Field>
          <Field
            label={t('sites.sms.maxMessages')}
            field="maxMessagesPerReply"
            error={e.maxMessagesPerReply}
            hint={t('sites.sms.maxMessagesHint')}
          >
            <InputNumber
              min={1}
              max={10}
              precision={0}
              value={s.maxMessagesPerReply}
              onChange={(n) => set({ maxMessagesPerReply: n ?? 1 })}
            />
          </Field>
        </div>
        <div className="ecw-field-row">
          <Field label={t('sites.sms.serviceCode')} field="serviceCode" error={e.serviceCode} hint={t('sites.sms.assignedHint')}>
            <Input
              value={s.serviceCode}
              maxLength={21}
              onChange={(ev) => set({ serviceCode: ev.target.value.trim() })}
              style={{ width: 200 }}
            />
          </Field>
          <Field label={t('sites.sms.extension')} field="extension" error={e.extension}>
            <Input value={s.extension} maxLength={8} onChange={(ev) => set({ extension: ev.target.value.trim() })} style={{ width: 120 }} />
          </Field>
        </div>
        <Typography.Text type="secondary" className="ecw-small">
          {t('sites.sms.billingRule')}
        </Typography.Text>
      </Card>
      <Collapse defaultActiveKey={['menu', 'lottery']} items={sections} />
      <SaveBar dirty={editor.dirty} saving={editor.saving} onSave={() => void editor.save()} onDiscard={editor.discard} testId="sms-save" />
    </div>
  );
}
