/** The template's layout, adjusted for this site: WEB product layout and paging, phone paging and pictures. */
import { Card, InputNumber, Radio, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { effectiveLayout, templateFor, type TemplateChoice } from '../../../../../shared/sites';
import { useShowError } from '../../../app/apiErrors';
import { Field } from '../editor/Field';
import { save, useBuilder } from '../state/siteStore';

type Options = TemplateChoice['options'];

export function LayoutOptions() {
  const { t } = useTranslation();
  const showError = useShowError();
  const content = useBuilder((s) => s.site!.content);
  const choice = content.template;
  const layout = effectiveLayout(templateFor(content), choice);
  const set = <K extends keyof Options>(channel: K, patch: NonNullable<Options[K]>) =>
    void save('sites.setTemplate', { template: { ...choice, options: { ...choice.options, [channel]: { ...choice.options[channel], ...patch } } } }).catch(showError);

  return (
    <Card size="small" title={t('sites.template.layout')} className="ecw-layout-options">
      <div className="ecw-field-row">
        <Field label={t('sites.template.productLayout')} field="web.productLayout">
          <Radio.Group
            optionType="button"
            size="small"
            value={layout.web.productLayout}
            onChange={(e) => set('web', { productLayout: e.target.value as 'grid' | 'list' })}
            options={[
              { value: 'grid', label: t('sites.template.grid') },
              { value: 'list', label: t('sites.template.list') },
            ]}
          />
        </Field>
        <Field label={t('sites.template.showSlogan')} field="web.showSlogan">
          <Switch size="small" checked={layout.web.showSlogan} onChange={(showSlogan) => set('web', { showSlogan })} />
        </Field>
        <Field label={t('sites.template.webPerPage')} field="web.itemsPerPage">
          <InputNumber size="small" min={5} max={100} value={layout.web.itemsPerPage} onChange={(n) => n && set('web', { itemsPerPage: n })} />
        </Field>
      </div>
      <div className="ecw-field-row">
        <Field label={t('sites.template.wap2PerPage')} field="wap2.itemsPerPage">
          <InputNumber size="small" min={3} max={50} value={layout.wap2.itemsPerPage} onChange={(n) => n && set('wap2', { itemsPerPage: n })} />
        </Field>
        <Field label={t('sites.template.wap2Images')} field="wap2.showImages">
          <Switch size="small" checked={layout.wap2.showImages} onChange={(showImages) => set('wap2', { showImages })} />
        </Field>
        <Field label={t('sites.template.wap1PerPage')} field="wap1.itemsPerPage">
          <InputNumber size="small" min={3} max={9} value={layout.wap1.itemsPerPage} onChange={(n) => n && set('wap1', { itemsPerPage: n })} />
        </Field>
        <Field label={t('sites.template.wap1Images')} field="wap1.showImages">
          <Switch size="small" checked={layout.wap1.showImages} onChange={(showImages) => set('wap1', { showImages })} />
        </Field>
      </div>
    </Card>
  );
}
