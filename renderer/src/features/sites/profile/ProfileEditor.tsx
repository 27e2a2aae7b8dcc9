/** 企业信息: name, short name (the SMS signature), slogan, industry, logo and the contact block. */
import { useRef } from 'react';
import { Card, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { INDUSTRY_SECTIONS, industrySection } from '../../../../../shared/domain/industry';
import { profileSchema, type Profile } from '../../../../../shared/sites/model';
import { Field } from '../editor/Field';
import { ImageSlot } from '../editor/images/ImageSlot';
import { TrayPicksContext } from '../editor/richtext/trayPicks';
import { SaveBar } from '../editor/SaveBar';
import { useDraftEditor } from '../editor/useDraftEditor';
import { useFieldFocus } from '../editor/useFieldFocus';
import { save, useBuilder } from '../state/siteStore';
import { PhonesField } from './PhonesField';

const SECTIONS = INDUSTRY_SECTIONS.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }));

export function ProfileEditor() {
  const { t } = useTranslation();
  const saved = useBuilder((s) => s.site!.content.profile);
  const draft = useBuilder((s) => s.drafts.profile);
  const setDraft = useBuilder((s) => s.setProfileDraft);
  const root = useRef<HTMLDivElement>(null);
  const editor = useDraftEditor({
    root,
    saved,
    draft,
    setDraft,
    schema: profileSchema,
    store: (profile) => save('sites.updateProfile', { profile }),
    fieldPrefix: 'profile.',
  });
  useFieldFocus(root, true);
  const p = editor.value;
  const e = editor.errors;
  const set = (patch: Partial<Profile>) => editor.change({ ...p, ...patch });
  const contact = (patch: Partial<Profile['contact']>) => set({ contact: { ...p.contact, ...patch } });
  const divisions = industrySection(p.industry.section)?.divisions.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` })) ?? [];

  return (
    <TrayPicksContext.Provider value={editor.trayPicks}>
      <div ref={root} className="ecw-form-fields" data-testid="profile-editor">
        <Card size="small" title={t('sites.profile.basics')}>
          <Field label={t('sites.profile.name')} field="name" error={e.name} required>
            <Input value={p.name} maxLength={100} onChange={(ev) => set({ name: ev.target.value })} />
          </Field>
          <div className="ecw-field-row">
            <Field
              label={t('sites.profile.shortName')}
              field="shortName"
              error={e.shortName}
              required
              hint={t('sites.profile.shortNameHint')}
            >
              <Input value={p.shortName} maxLength={20} showCount onChange={(ev) => set({ shortName: ev.target.value })} />
            </Field>
            <Field label={t('sites.profile.slogan')} field="slogan" error={e.slogan}>
              <Input value={p.slogan} maxLength={100} onChange={(ev) => set({ slogan: ev.target.value })} />
            </Field>
          </div>
          <div className="ecw-field-row">
            <Field label={t('sites.profile.industrySection')} field="industry.section" error={e['industry.section']} required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                value={p.industry.section || undefined}
                options={SECTIONS}
                onChange={(section: string) => set({ industry: { section } })}
                style={{ width: 260 }}
              />
            </Field>
            <Field label={t('sites.profile.industryDivision')} field="industry.division" error={e['industry.division']}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                value={p.industry.division || undefined}
                options={divisions}
                onChange={(division?: string) => set({ industry: { section: p.industry.section, ...(division ? { division } : {}) } })}
                style={{ width: 260 }}
              />
            </Field>
          </div>
          <Field label={t('sites.profile.logo')} field="logo" error={e['logo.alt']}>
            <ImageSlot image={p.logo} onChange={(logo) => set({ logo })} defaultAlt={`${p.shortName}标志`} field="logo" />
          </Field>
        </Card>
        <Card size="small" title={t('sites.profile.contact')}>
          <div className="ecw-field-row">
            <Field label={t('sites.profile.address')} field="contact.address" error={e['contact.address']}>
              <Input value={p.contact.address} maxLength={200} onChange={(ev) => contact({ address: ev.target.value })} />
            </Field>
            <Field label={t('sites.profile.postcode')} field="contact.postcode" error={e['contact.postcode']}>
              <Input
                value={p.contact.postcode ?? ''}
                maxLength={6}
                onChange={(ev) => contact({ postcode: ev.target.value.trim() || undefined })}
                style={{ width: 100 }}
              />
            </Field>
          </div>
          <Field label={t('sites.profile.phones')} field="contact.phones">
            <PhonesField phones={p.contact.phones} onChange={(phones) => contact({ phones })} errors={e} />
          </Field>
          <div className="ecw-field-row">
            <Field label={t('sites.profile.person')} field="contact.person" error={e['contact.person']}>
              <Input value={p.contact.person ?? ''} maxLength={50} onChange={(ev) => contact({ person: ev.target.value || undefined })} />
            </Field>
            <Field label={t('sites.profile.email')} field="contact.email" error={e['contact.email']}>
              <Input value={p.contact.email ?? ''} maxLength={100} onChange={(ev) => contact({ email: ev.target.value || undefined })} />
            </Field>
            <Field label={t('sites.profile.hours')} field="contact.hours" error={e['contact.hours']}>
              <Input
                value={p.contact.hours ?? ''}
                maxLength={100}
                placeholder={t('sites.profile.hoursPlaceholder')}
                onChange={(ev) => contact({ hours: ev.target.value || undefined })}
              />
            </Field>
          </div>
          <Field label={t('sites.profile.map')} field="contact.map" hint={t('sites.profile.mapHint')}>
            <Space>
              <InputNumber
                min={-90}
                max={90}
                step={0.000001}
                placeholder={t('sites.profile.lat')}
                value={p.contact.map?.lat ?? null}
                onChange={(lat) => contact({ map: lat === null ? undefined : { lat, lng: p.contact.map?.lng ?? 0 } })}
                aria-label={t('sites.profile.lat')}
              />
              <InputNumber
                min={-180}
                max={180}
                step={0.000001}
                placeholder={t('sites.profile.lng')}
                value={p.contact.map?.lng ?? null}
                onChange={(lng) => contact({ map: lng === null ? undefined : { lat: p.contact.map?.lat ?? 0, lng } })}
                aria-label={t('sites.profile.lng')}
              />
            </Space>
          </Field>
        </Card>
        <SaveBar
          dirty={editor.dirty}
          saving={editor.saving}
          onSave={() => void editor.save()}
          onDiscard={editor.discard}
          testId="profile-save"
        />
      </div>
    </TrayPicksContext.Provider>
  );
}
