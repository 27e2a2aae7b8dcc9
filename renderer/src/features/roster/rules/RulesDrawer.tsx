/**
 * The group's short-number rules, as the manager sees and changes them: the first digit, blocks
 * per department, easy numbers reserved for named people — and, on saving, whether numbers the
 * rules gave (and the platform has not confirmed) follow the new rules.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/api';
import { FORBIDDEN_PREFIXES, rulesProblems, type ShortNumberRules } from '../../../../../shared/domain/shortNumbers';
import { useApiMutation } from '../../../api/hooks';
import { apiErrorText } from '../../../ui/apiErrors';

interface Props {
  enterpriseId: string;
  open: boolean;
  roster: Output<'roster.list'>;
  onClose: () => void;
}

const DIGITS = ['2', '3', '4', '5', '6', '7', '8', '9'];

export function RulesDrawer({ enterpriseId, open, roster, onClose }: Props) {
  const { t } = useTranslation();
  const [rules, setRules] = useState<ShortNumberRules>(roster.rules);
  const [renumber, setRenumber] = useState(true);
  const [failure, setFailure] = useState('');
  useEffect(() => {
    if (open) {
      setRules(roster.rules);
      setFailure('');
    }
  }, [open, roster.rules]);
  const save = useApiMutation('roster.setRules', { onSuccess: onClose, onError: (e) => setFailure(apiErrorText(e)) });
  const problems = useMemo(() => rulesProblems(rules), [rules]);
  const departments = useMemo(
    () => [...new Set(roster.members.map((m) => m.department).filter(Boolean))].map((value) => ({ value, label: value })),
    [roster.members],
  );

  const setBlock = (i: number, patch: Partial<ShortNumberRules['departmentBlocks'][number]>) =>
    setRules((r) => ({ ...r, departmentBlocks: r.departmentBlocks.map((b, j) => (j === i ? { ...b, ...patch } : b)) }));
  const setReserved = (i: number, patch: Partial<ShortNumberRules['reserved'][number]>) =>
    setRules((r) => ({ ...r, reserved: r.reserved.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('roster.rules.title')}
      size="large"
      destroyOnHidden
      extra={
        <Button
          type="primary"
          loading={save.isPending}
          disabled={problems.length > 0}
          onClick={() => save.mutate({ enterpriseId, rules, renumber })}
          data-testid="rules-save"
        >
          {t('common.save')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('roster.rules.intro')}</Typography.Paragraph>
      <ul className="ecw-roster-rules-fixed">
        {FORBIDDEN_PREFIXES.map((f) => (
          <li key={f.prefix}>{t('roster.rules.forbidden', { prefix: f.prefix, why: f.why })}</li>
        ))}
      </ul>
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('roster.rules.firstDigit')}
          htmlFor="rules-first-digit"
          extra={t('roster.rules.firstDigitHint', { digit: rules.firstDigit })}
        >
          <Select
            id="rules-first-digit"
            value={rules.firstDigit}
            onChange={(firstDigit: string) => setRules((r) => ({ ...r, firstDigit }))}
            options={DIGITS.map((d) => ({ value: d, label: d }))}
            style={{ width: 120 }}
          />
        </Form.Item>
        <Typography.Title level={5}>{t('roster.rules.blocks')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('roster.rules.blocksHint')}</Typography.Paragraph>
        {rules.departmentBlocks.map((b, i) => (
          <Space key={i} className="ecw-roster-rule-row">
            <Select
              aria-label={t('roster.field.department')}
              value={b.department}
              options={departments}
              showSearch
              style={{ width: 180 }}
              onChange={(department: string) => setBlock(i, { department })}
            />
            <Input
              aria-label={t('roster.rules.prefix')}
              value={b.prefix}
              maxLength={5}
              style={{ width: 120 }}
              onChange={(e) => setBlock(i, { prefix: e.target.value.replace(/\D/g, '') })}
            />
            <Typography.Text type="secondary">
              {b.prefix ? `${b.prefix}${'x'.repeat(Math.max(0, 6 - b.prefix.length))}` : ''}
            </Typography.Text>
            <Button
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('roster.remove')}
              onClick={() => setRules((r) => ({ ...r, departmentBlocks: r.departmentBlocks.filter((_, j) => j !== i) }))}
            />
          </Space>
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setRules((r) => ({
              ...r,
              departmentBlocks: [...r.departmentBlocks, { department: departments[0]?.value ?? '', prefix: `${r.firstDigit}1` }],
            }))
          }
        >
          {t('roster.rules.addBlock')}
        </Button>
        <Typography.Title level={5} className="ecw-roster-rules-section">
          {t('roster.rules.reserved')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('roster.rules.reservedHint')}</Typography.Paragraph>
        {rules.reserved.map((r, i) => (
          <Space key={i} className="ecw-roster-rule-row">
            <Input
              aria-label={t('roster.field.shortNumber')}
              value={r.number}
              maxLength={6}
              style={{ width: 110 }}
              onChange={(e) => setReserved(i, { number: e.target.value.replace(/\D/g, '') })}
            />
            <Input
              aria-label={t('roster.field.name')}
              value={r.name}
              maxLength={50}
              style={{ width: 140 }}
              placeholder={t('roster.field.name')}
              onChange={(e) => setReserved(i, { name: e.target.value })}
            />
            <Input
              aria-label={t('roster.field.mobile')}
              value={r.mobile ?? ''}
              maxLength={11}
              style={{ width: 150 }}
              placeholder={t('roster.rules.mobileOptional')}
              onChange={(e) => setReserved(i, { mobile: e.target.value.replace(/\D/g, '') || undefined })}
            />
            <Button
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('roster.remove')}
              onClick={() => setRules((x) => ({ ...x, reserved: x.reserved.filter((_, j) => j !== i) }))}
            />
          </Space>
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() => setRules((r) => ({ ...r, reserved: [...r.reserved, { number: `${r.firstDigit}88888`, name: '' }] }))}
        >
          {t('roster.rules.addReserved')}
        </Button>
        <Form.Item className="ecw-roster-rules-section">
          <Checkbox checked={renumber} onChange={(e) => setRenumber(e.target.checked)} data-testid="rules-renumber">
            {t('roster.rules.renumber')}
          </Checkbox>
        </Form.Item>
        {problems.length ? (
          <Alert
            type="warning"
            showIcon
            title={problems.map((p) => t(`roster.rules.problem.${p.code}`, { detail: p.detail })).join('；')}
          />
        ) : null}
        {failure ? <Alert type="error" showIcon title={failure} /> : null}
      </Form>
    </Drawer>
  );
}
