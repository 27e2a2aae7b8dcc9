/**
 * Adding a member by hand, or changing one. A short number typed here shows what it would do
 * before anything is saved (who holds it, a reservation, an easy number, outside the department's
 * block); left empty, the group's rules give one. Failures keep the modal and what was typed.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, AutoComplete, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/api';
import { CARRIER_NAMES } from '../../../../../shared/domain/carriers';
import { checkMemberMobile } from '../../../../../shared/domain/memberMobile';
import type { RosterMember } from '../../../../../shared/domain/roster';
import { numberChangeEffect, type NumberChangeEffect } from '../../../../../shared/domain/shortNumbers';
import { useApiMutation } from '../../../api/hooks';
import { apiErrorText } from '../../../ui/apiErrors';
import { validationText } from '../../../i18n';
import { editableFields } from './MemberTable';

interface Props {
  enterpriseId: string;
  member: RosterMember | 'new' | null;
  roster: Output<'roster.list'>;
  onClose: () => void;
}

type Values = ReturnType<typeof editableFields>;

const EMPTY: Values = {
  name: '',
  mobile: '',
  department: '',
  title: '',
  email: null,
  shortNumber: null,
  extension: null,
  cardConsent: false,
  portedIn: false,
};

/** What the typed number would do, in the manager's words. */
function EffectNote({ effect }: { effect: NumberChangeEffect | undefined }) {
  const { t } = useTranslation();
  if (!effect) return <Typography.Text type="secondary">{t('roster.member.byRules')}</Typography.Text>;
  const lines: { type: 'danger' | 'warning' | 'success'; text: string }[] = [];
  if (effect.problem) lines.push({ type: 'danger', text: validationText(effect.problem) });
  if (effect.heldBy) lines.push({ type: 'danger', text: t('roster.effect.heldBy', { name: effect.heldBy.name }) });
  if (effect.reservedFor) lines.push({ type: 'danger', text: t('roster.effect.reservedFor', { name: effect.reservedFor }) });
  if (effect.easy) lines.push({ type: 'warning', text: t('roster.effect.easy') });
  if (effect.outsideBlock) lines.push({ type: 'warning', text: t('roster.effect.outsideBlock', { prefix: effect.outsideBlock }) });
  if (lines.length === 0) lines.push({ type: 'success', text: t('roster.effect.free') });
  return (
    <div data-testid="number-effect">
      {lines.map((l) => (
        <div key={l.text}>
          <Typography.Text type={l.type}>{l.text}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

export function MemberModal({ enterpriseId, member, roster, onClose }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(EMPTY);
  const [failure, setFailure] = useState('');
  const existing = member && member !== 'new' ? member : undefined;
  useEffect(() => {
    setValues(existing ? editableFields(existing) : EMPTY);
    setFailure('');
  }, [member, existing]);
  const add = useApiMutation('roster.addMember', { onSuccess: onClose, onError: (e) => setFailure(apiErrorText(e)) });
  const update = useApiMutation('roster.updateMember', { onSuccess: onClose, onError: (e) => setFailure(apiErrorText(e)) });

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const mobile = useMemo(() => checkMemberMobile(values.mobile), [values.mobile]);
  const otherCarrier = values.mobile.trim() !== '' && !mobile.problem && !mobile.chinaMobile;
  const departments = useMemo(
    () => [...new Set(roster.members.map((m) => m.department).filter(Boolean))].map((value) => ({ value })),
    [roster.members],
  );
  const typedNumber = values.shortNumber?.trim() ?? '';
  const effect = useMemo(() => {
    if (!typedNumber || typedNumber === existing?.shortNumber) return undefined;
    const others = roster.members.map((m) => ({ key: m.id, name: m.name, shortNumber: m.shortNumber }));
    return numberChangeEffect(
      { key: existing?.id ?? '', name: values.name, mobile: mobile.normalized, department: values.department },
      typedNumber,
      others,
      roster.rules,
    );
  }, [typedNumber, existing, roster, values.name, values.department, mobile.normalized]);

  const submit = () => {
    const fields = {
      ...values,
      shortNumber: typedNumber || null,
      email: values.email?.trim() || null,
      extension: values.extension?.trim() || null,
    };
    if (existing) update.mutate({ id: existing.id, fields });
    else add.mutate({ enterpriseId, fields });
  };

  return (
    <Modal
      open={member !== null}
      title={existing ? t('roster.member.editTitle', { name: existing.name }) : t('roster.member.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      confirmLoading={add.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'member-save' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('roster.field.name')} required htmlFor="member-name">
          <Input
            id="member-name"
            value={values.name}
            maxLength={50}
            onChange={(e) => set('name', e.target.value)}
            data-testid="member-name"
          />
        </Form.Item>
        <Form.Item
          label={t('roster.field.mobile')}
          required
          htmlFor="member-mobile"
          validateStatus={values.mobile.trim() && mobile.problem ? 'error' : otherCarrier ? 'warning' : undefined}
          help={
            values.mobile.trim() && mobile.problem
              ? t('roster.refused.roster.mobile_invalid')
              : otherCarrier
                ? t('roster.member.otherCarrier', { carrier: mobile.carrier ? CARRIER_NAMES[mobile.carrier] : t('roster.otherCarrier') })
                : undefined
          }
        >
          <Input
            id="member-mobile"
            value={values.mobile}
            maxLength={30}
            disabled={Boolean(existing?.confirmedShortNumber)}
            onChange={(e) => set('mobile', e.target.value)}
            data-testid="member-mobile"
          />
        </Form.Item>
        {otherCarrier ? (
          <Form.Item>
            <Checkbox checked={values.portedIn} onChange={(e) => set('portedIn', e.target.checked)} data-testid="member-ported-in">
              {t('roster.portedInConfirm')}
            </Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item label={t('roster.field.department')} htmlFor="member-department">
          <AutoComplete
            id="member-department"
            value={values.department}
            options={departments}
            onChange={(v: string) => set('department', v)}
            filterOption
          />
        </Form.Item>
        <Form.Item label={t('roster.field.title')} htmlFor="member-title">
          <Input id="member-title" value={values.title} maxLength={50} onChange={(e) => set('title', e.target.value)} />
        </Form.Item>
        <Form.Item label={t('roster.field.shortNumber')} htmlFor="member-short" extra={<EffectNote effect={effect} />}>
          <Input
            id="member-short"
            value={values.shortNumber ?? ''}
            maxLength={6}
            placeholder={t('roster.member.shortPlaceholder')}
            onChange={(e) => set('shortNumber', e.target.value.replace(/\D/g, ''))}
            data-testid="member-short"
          />
        </Form.Item>
        <Form.Item label={t('roster.field.extension')} htmlFor="member-extension">
          <Input
            id="member-extension"
            value={values.extension ?? ''}
            maxLength={8}
            onChange={(e) => set('extension', e.target.value.replace(/\D/g, ''))}
          />
        </Form.Item>
        <Form.Item label={t('roster.field.email')} htmlFor="member-email">
          <Input id="member-email" value={values.email ?? ''} maxLength={100} onChange={(e) => set('email', e.target.value)} />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={values.cardConsent} onChange={(e) => set('cardConsent', e.target.checked)}>
            {t('roster.member.cardConsent')}
          </Checkbox>
        </Form.Item>
        {failure ? <Alert type="error" showIcon title={failure} data-testid="member-failure" /> : null}
      </Form>
    </Modal>
  );
}
