/** One icon per tone, shared by the header and the sync centre. */
import type { ReactNode } from 'react';
import { CheckCircleFilled, CloudOutlined, DisconnectOutlined, ExclamationCircleFilled, SyncOutlined } from '@ant-design/icons';
import type { Tone } from './describeStatus';

export const STATUS_ICONS: Record<Tone, ReactNode> = {
  idle: <DisconnectOutlined />,
  busy: <SyncOutlined spin />,
  ok: <CheckCircleFilled />,
  warn: <CloudOutlined />,
  error: <ExclamationCircleFilled />,
};
