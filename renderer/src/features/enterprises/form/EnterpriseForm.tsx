/**
 * The enterprise form (new and edit): validated as you type by the shared schema, saved as a
 * draft on every change, keyboard first. The backend's refusals land at their fields.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, Row, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { Controller, FormProvider, useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { enterpriseInputSchema, type Enterprise, type EnterpriseFields } from '../../../../../shared/domain/enterprise';
import { useApiMutation } from '../../../api/hooks';
import { apiErrorOf, apiErrorText } from '../../../ui/apiErrors';
import { Kbd } from '../../../ui/Kbd';
import { CreditCodeField } from './fields/CreditCodeField';
import { MobileField } from './fields/MobileField';
import { IndustryFields } from './fields/IndustryFields';
import { RegionField } from './fields/RegionField';
import { ChannelField } from './fields/ChannelField';
import { TextField } from './fields/TextField';
import { FormField } from './fields/FormField';
import { useFieldError } from './fields/fieldError';
import { formKeyHandler } from './formKeyboard';
import { applyServerError } from './serverErrors';
import { LICENCE_DETAILS, type EnterpriseFormValues } from './formValues';
import type { useFormDraft } from './useFormDraft';
import { LicenceReader, type LicenceFill } from '../../roster';

const resolver = zodResolver(enterpriseInputSchema) as unknown as Resolver<EnterpriseFormValues, unknown, EnterpriseFields>;

interface Props {
  enterpriseId?: string;
  /** The values without any draft: empty (new) or as saved (edit). */
  base: EnterpriseFormValues;
  /** What the form starts with: the base, or the restored draft over it. */
  start: EnterpriseFormValues;
  draft: ReturnType<typeof useFormDraft>;
  onSaved: (enterprise: Enterprise) => void;
  onCancel: () => void;
}

export function EnterpriseForm({ enterpriseId, base, start, draft, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const form = useForm<EnterpriseFormValues, unknown, EnterpriseFields>({
    resolver,
    mode: 'onTouched',
    defaultValues: start,
    shouldFocusError: true,
  });
  const create = useApiMutation('enterprises.create');
  const update = useApiMutation('enterprises.update');
  const [failure, setFailure] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const { save: saveDraft } = draft;

  // Every change the user makes (not a reset) is kept as a draft.
  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values, name }) => {
          if (name) saveDraft(values);
        },
      }),
    [form, saveDraft],
  );

  useEffect(() => form.setFocus('name'), [form]);

  const onValid = async (fields: EnterpriseFields) => {
    setFailure(null);
    try {
      const saved = enterpriseId ? await update.mutateAsync({ id: enterpriseId, fields }) : await create.mutateAsync(fields);
      await draft.close();
      void message.success(t(enterpriseId ? 'enterprises.form.updated' : 'enterprises.form.created', { name: saved.name }));
      onSaved(saved);
    } catch (error) {
      // A refusal about a field is shown there (and focused); anything else above the buttons.
      const first = applyServerError(form, apiErrorOf(error));
      setFailure(first ? null : apiErrorText(error));
      if (first) form.setFocus(first);
    }
  };
  const submit = () => void form.handleSubmit(onValid)();

  // What the licence photo gave is put in as the user's own typing: marked dirty, checked on save.
  // The photo itself is linked: saved with the enterprise, among its documents.
  const fillFromLicence = (fill: LicenceFill) => {
    const options = { shouldDirty: true, shouldTouch: true, shouldValidate: true } as const;
    if (fill.name) form.setValue('name', fill.name, options);
    if (fill.creditCode) form.setValue('creditCode', fill.creditCode, options);
    if (fill.address) form.setValue('address', fill.address, options);
    for (const key of LICENCE_DETAILS) {
      const value = fill.licence[key];
      if (value) form.setValue(`licence.${key}`, value, options);
    }
    if (fill.photoSha256) form.setValue('licencePhotoSha256', fill.photoSha256, { shouldDirty: true });
    saveDraft(form.getValues());
  };

  const discardDraft = async () => {
    await draft.discard();
    form.reset(base);
    form.setFocus('name');
  };

  return (
    <FormProvider {...form}>
      <form
        ref={formRef}
        onSubmit={(e) => (e.preventDefault(), submit())}
        onKeyDown={formKeyHandler({ submit, cancel: onCancel })}
        noValidate
        data-testid="enterprise-form"
      >
        <Form layout="vertical" component={false}>
          <div className="ecw-form-stack">
            {draft.restored && (
              <Alert
                type="info"
                showIcon
                data-testid="draft-restored"
                title={t('enterprises.form.draftRestored', { time: dayjs(draft.restored.updatedAt).format('MM-DD HH:mm') })}
                action={
                  <Button size="small" onClick={() => void discardDraft()} data-testid="draft-discard">
                    {t('enterprises.form.discardDraft')}
                  </Button>
                }
              />
            )}
            {!enterpriseId && <LicenceReader onFill={fillFromLicence} />}
            <Card title={t('enterprises.form.sectionCompany')} size="small">
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <TextField name="name" label="enterprises.field.name" required maxLength={100} />
                </Col>
                <Col xs={24} md={12}>
                  <CreditCodeField excludeId={enterpriseId} />
                </Col>
                <IndustryFields />
                <Col xs={24} md={12}>
                  <RegionField />
                </Col>
                <Col xs={24} md={12}>
                  <TextField
                    name="address"
                    label="enterprises.field.address"
                    required
                    maxLength={200}
                    placeholder="enterprises.form.addressPlaceholder"
                  />
                </Col>
              </Row>
            </Card>
            <Card title={t('enterprises.form.sectionContact')} size="small">
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <TextField name="contact.name" label="enterprises.field.contactName" required maxLength={50} />
                </Col>
                <Col xs={24} md={8}>
                  <MobileField />
                </Col>
                <Col xs={24} md={8}>
                  <TextField name="contact.email" label="enterprises.field.contactEmail" type="email" maxLength={100} />
                </Col>
              </Row>
            </Card>
            <Card title={t('enterprises.form.sectionSales')} size="small">
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <TextField name="manager" label="enterprises.field.manager" required maxLength={50} />
                </Col>
                <Col xs={24} md={16}>
                  <ChannelField />
                </Col>
                <Col span={24}>
                  <NoteField />
                </Col>
              </Row>
            </Card>
            {/* After the fields every enterprise needs: the keyboard path through them stays as it was. */}
            <LicenceDetailsCard />
            <div className="ecw-form-actions">
              <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="enterprise-save">
                {t('common.save')} <Kbd>Ctrl+Enter</Kbd>
              </Button>
              <Button onClick={onCancel}>
                {t('common.cancel')} <Kbd>Esc</Kbd>
              </Button>
              {/* In the bar that always stays on screen, so a failed save is never missed. */}
              {failure ? (
                <Alert type="error" showIcon title={failure} className="ecw-form-failure" data-testid="form-error" />
              ) : (
                <Typography.Text type="secondary" className="ecw-form-keys">
                  {t('enterprises.form.keysHint')}
                </Typography.Text>
              )}
            </div>
          </div>
        </Form>
      </form>
    </FormProvider>
  );
}

function NoteField() {
  const { t } = useTranslation();
  const error = useFieldError('note');
  return (
    <FormField id="ent-note" label={t('enterprises.field.note')} error={error} hint={t('enterprises.form.noteHint')}>
      <Controller
        name="note"
        render={({ field }) => (
          <Input.TextArea
            {...field}
            id="ent-note"
            value={field.value ?? ''}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={500}
            status={error ? 'error' : undefined}
          />
        )}
      />
    </FormField>
  );
}

/** What the 营业执照 says beyond name, code and address: read from the photo or typed; all optional. */
function LicenceDetailsCard() {
  const { t } = useTranslation();
  const photo = useWatch<EnterpriseFormValues, 'licencePhotoSha256'>({ name: 'licencePhotoSha256' });
  const scopeError = useFieldError('licence.businessScope');
  return (
    <Card
      title={t('enterprises.form.sectionLicence')}
      size="small"
      data-testid="licence-details"
      extra={
        photo ? (
          <Tag icon={<PaperClipOutlined />} color="blue" data-testid="licence-photo-attached">
            {t('enterprises.form.licencePhotoAttached')}
          </Tag>
        ) : null
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <TextField name="licence.type" label="enterprises.field.licenceType" maxLength={100} />
        </Col>
        <Col xs={24} md={12}>
          <TextField name="licence.legalRepresentative" label="enterprises.field.legalRepresentative" maxLength={50} />
        </Col>
        <Col xs={24} md={12}>
          <TextField
            name="licence.registeredCapital"
            label="enterprises.field.registeredCapital"
            maxLength={50}
            placeholder="enterprises.form.registeredCapitalPlaceholder"
          />
        </Col>
        <Col xs={24} md={12}>
          <TextField
            name="licence.establishedOn"
            label="enterprises.field.establishedOn"
            maxLength={10}
            placeholder="enterprises.form.establishedOnPlaceholder"
          />
        </Col>
        <Col span={24}>
          <FormField id="ent-licence-businessScope" label={t('enterprises.field.businessScope')} error={scopeError}>
            <Controller
              name="licence.businessScope"
              render={({ field }) => (
                <Input.TextArea
                  {...field}
                  id="ent-licence-businessScope"
                  value={field.value ?? ''}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={2000}
                  status={scopeError ? 'error' : undefined}
                />
              )}
            />
          </FormField>
        </Col>
      </Row>
    </Card>
  );
}
