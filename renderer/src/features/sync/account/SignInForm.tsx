/**
 * Sign in to the platform: server address (remembered), user, password. Without a network, the
 * backend checks the password against the verifier kept from the last online sign-in. Errors are
 * shown in the user's language and nothing typed is cleared by them.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../../shared/api/sync';
import { useApiMutation } from '../../../api/hooks';
import { apiErrorOf, apiErrorText } from '../../../ui/apiErrors';
import { useRefreshSyncStatus } from '../state/syncStore';
import { forgetOfflineSignIn, rememberOfflineSignIn } from './offlineSignIn';

interface Values {
  server: string;
  user: string;
  password: string;
}

const SERVER_KEY = 'ecw.sync.server';

function initialValues(status: SyncStatus | null): Values {
  return { server: status?.account?.server ?? localStorage.getItem(SERVER_KEY) ?? '', user: status?.account?.login ?? '', password: '' };
}

/** Which field an error belongs to, and its text. */
function placeError(error: unknown, t: (key: string, params?: Record<string, unknown>) => string): { field?: keyof Values; text: string } {
  const e = apiErrorOf(error);
  if (e.code === 'sync.invalid_credentials') return { field: 'password', text: apiErrorText(error) };
  if (e.code === 'sync.bad_server') return { field: 'server', text: apiErrorText(error) };
  if (e.code === 'sync.rate_limited') {
    const ms = Number((e.details as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 0);
    return { text: ms > 0 ? t('sync.signIn.rateLimited', { minutes: Math.max(1, Math.ceil(ms / 60_000)) }) : apiErrorText(error) };
  }
  return { text: apiErrorText(error) };
}

export function SignInForm({ status }: { status: SyncStatus | null }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const signIn = useApiMutation('sync.signIn');
  const refreshStatus = useRefreshSyncStatus();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setFailure(null);
    localStorage.setItem(SERVER_KEY, values.server.trim());
    try {
      const result = await signIn.mutateAsync(values);
      form.setFieldValue('password', '');
      if (result.mode === 'offline') {
        rememberOfflineSignIn(values, result.account.login, result.account.server);
        void message.info({ content: t('sync.signIn.offlineDone', { name: result.account.name }), duration: 6 });
      } else {
        forgetOfflineSignIn();
        void message.success(t('sync.signIn.done', { name: result.account.name }));
      }
      await refreshStatus();
    } catch (error) {
      const placed = placeError(error, t);
      if (placed.field) form.setFields([{ name: placed.field, errors: [placed.text] }]);
      else setFailure(placed.text);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues(status)}
      onFinish={(v) => void submit(v)}
      requiredMark={false}
      data-testid="sync-sign-in"
      className="ecw-sync-signin"
    >
      <Form.Item
        name="server"
        htmlFor="sync-server"
        label={t('sync.signIn.server')}
        extra={t('sync.signIn.serverHint')}
        rules={[{ required: true, whitespace: true, message: t('sync.signIn.serverRequired') }]}
      >
        <Input id="sync-server" autoComplete="url" placeholder="https://ec.example.cn" />
      </Form.Item>
      <Form.Item
        name="user"
        htmlFor="sync-user"
        label={t('sync.signIn.user')}
        rules={[{ required: true, whitespace: true, message: t('sync.signIn.userRequired') }]}
      >
        <Input id="sync-user" autoComplete="username" />
      </Form.Item>
      <Form.Item
        name="password"
        htmlFor="sync-password"
        label={t('sync.signIn.password')}
        rules={[{ required: true, message: t('sync.signIn.passwordRequired') }]}
      >
        <Input.Password id="sync-password" autoComplete="current-password" />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} className="ecw-sync-gap" data-testid="sync-sign-in-error" />}
      <Button type="primary" htmlType="submit" loading={signIn.isPending} icon={<LoginOutlined />} data-testid="sync-sign-in-submit">
        {t('sync.signIn.submit')}
      </Button>
    </Form>
  );
}
