/** Turning any failure of a call into the text a user reads (zh-CN first), via the stable error code. */
import { App as AntApp } from 'antd';
import { useCallback } from 'react';
import type { ApiError } from '../../../shared/api';
import { ApiCallError } from '../api/client';
import { errorText } from '../i18n';

export function apiErrorOf(error: unknown): ApiError {
  if (error instanceof ApiCallError) return error.error;
  return { code: 'backend_unavailable', message: error instanceof Error ? error.message : String(error) };
}

export function apiErrorText(error: unknown): string {
  return errorText(apiErrorOf(error));
}

/** A toast with the translated error; what the user typed stays where it is. */
export function useShowError(): (error: unknown) => void {
  const { message } = AntApp.useApp();
  return useCallback((error: unknown) => void message.error({ content: apiErrorText(error), key: 'api-error', duration: 6 }), [message]);
}
