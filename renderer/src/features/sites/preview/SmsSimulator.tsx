/**
 * The SMS site as a phone user meets it: type 0, 1, 2 … (or a keyword such as CJ) and see each
 * reply with its China billing count, and the conversation's total against the plan's included SMS.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Empty, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SmsSite } from '../../../../../shared/sites';
import { newSession, send, totalMessages, type SmsSession } from './smsSession';
import { usePlanSms } from './usePlanSms';

export function SmsSimulator({ site, enterpriseId }: { site: SmsSite | null; enterpriseId: string }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<SmsSession>(newSession);
  const [text, setText] = useState('');
  const plan = usePlanSms(enterpriseId);
  const log = useRef<HTMLDivElement>(null);

  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [session.messages.length]);

  if (!site) return <Empty description={t('sites.preview.noSms')} />;
  const current = session.node ? site.nodes.find((n) => n.id === session.node) : undefined;
  const submit = (value: string) => {
    if (!value.trim()) return;
    setSession((s) => send(site, s, value));
    setText('');
  };
  const total = totalMessages(session);
  const number = site.number || t('sites.sms.sim.noNumber');

  return (
    <div className="ecw-sms-sim" data-testid="sms-simulator">
      <div className="ecw-sms-head">
        <Typography.Text strong>{number}</Typography.Text>
        <Tooltip title={t('sites.sms.sim.restart')}>
          <Button
            size="small"
            type="text"
            icon={<ReloadOutlined />}
            onClick={() => setSession(newSession())}
            aria-label={t('sites.sms.sim.restart')}
          />
        </Tooltip>
      </div>
      <div className="ecw-sms-log" ref={log} role="log" tabIndex={0} aria-label={t('sites.sms.sim.log')} data-testid="sms-log">
        {session.messages.length === 0 ? <div className="ecw-sms-empty">{t('sites.sms.sim.start')}</div> : null}
        {session.messages.map((m, i) =>
          m.from === 'note' ? (
            <div key={i} className="ecw-sms-note">
              {t(m.noteKey!, m.noteParams)}
            </div>
          ) : (
            <div key={i} className={`ecw-sms-bubble is-${m.from}`} data-testid={m.from === 'site' ? 'sms-reply' : 'sms-sent'}>
              <div className="ecw-sms-text">{m.text}</div>
              {m.reply ? (
                <div className="ecw-sms-meta" data-testid="sms-reply-count">
                  {t('sites.sms.count', { chars: m.reply.chars, messages: m.reply.messages })}
                </div>
              ) : null}
            </div>
          ),
        )}
      </div>
      {current?.options.length ? (
        <Space size={4} wrap className="ecw-sms-quick">
          {current.options.map((o) => (
            <Button key={o.key} size="small" onClick={() => submit(o.key)} title={o.label}>
              {o.key} {o.label}
            </Button>
          ))}
        </Space>
      ) : null}
      <Space.Compact className="ecw-sms-input">
        <Input
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => submit(text)}
          placeholder={t('sites.sms.sim.placeholder')}
          maxLength={70}
          data-testid="sms-input"
        />
        <Button type="primary" icon={<SendOutlined />} onClick={() => submit(text)} data-testid="sms-send">
          {t('sites.sms.sim.send')}
        </Button>
      </Space.Compact>
      <div className="ecw-sms-total" data-testid="sms-total">
        <Tag color="blue">{t('sites.sms.sim.total', { messages: total })}</Tag>
        {plan ? (
          <Typography.Text type="secondary" className="ecw-small">
            {t('sites.sms.sim.plan', {
              plan: plan.planName,
              included: plan.included,
              percent: plan.included ? ((total / plan.included) * 100).toFixed(2) : '0',
            })}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" className="ecw-small">
            {t('sites.sms.sim.noPlan')}
          </Typography.Text>
        )}
      </div>
    </div>
  );
}
