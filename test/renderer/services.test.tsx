/**
 * The services tabs in jsdom against a real backend: a ring-back tone uploaded from the page shows
 * its length read from the file and plays from the stored bytes; a switchboard whose hours are
 * backwards is refused in Chinese, keeping what was typed.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mp3Silence } from '../helpers/audioFiles';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { setUp } from '../integration/orders/support';
import { renderApp } from './renderApp';

describe('the services tabs (jsdom, in-memory transport, real backend)', () => {
  let backend: TestBackend;
  let enterpriseId: string;
  beforeEach(async () => {
    backend = createTestBackend();
    enterpriseId = await setUp(backend);
    await backend.call('roster.addMember', {
      enterpriseId,
      fields: { name: '王伟', mobile: '13800138000', department: '销售部', title: '经理', shortNumber: '612345' },
    });
  });
  afterEach(() => backend.cleanup());

  it('uploads a ring-back tone, shows its length from the file, and plays the stored bytes', async () => {
    const { user } = renderApp(backend.transport, `/enterprises/${enterpriseId}/roster`);
    await user.click(await screen.findByText('集团彩铃'));
    expect(await screen.findByTestId('ringtone-limits')).toHaveTextContent('不超过 40 秒');
    expect(screen.getByTestId('ringtone-limits')).toHaveTextContent('示例');
    const input = screen.getByTestId('ringtone-upload').closest('span.ant-upload')!.querySelector('input[type=file]')!;
    const bytes = mp3Silence(12);
    await user.upload(input as HTMLInputElement, new File([new Uint8Array(bytes)], '彩铃.mp3', { type: 'audio/mpeg' }));
    expect(await screen.findByTestId('ringtone-duration')).toHaveTextContent('12 秒');
    const player = await screen.findByTestId('ringtone-player');
    const src = player.getAttribute('src')!;
    expect(src.startsWith('data:audio/mpeg;base64,')).toBe(true);
    expect(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64').equals(bytes)).toBe(true);
  });

  it('refuses a switchboard whose hours end before they start, in Chinese, keeping what was typed', async () => {
    const { user } = renderApp(backend.transport, `/enterprises/${enterpriseId}/roster`);
    await user.click(await screen.findByText('移动总机'));
    await user.click(await screen.findByTestId('sb-number'));
    await user.paste('0531-8888 6666');
    fireEvent.change(screen.getByLabelText('上班时间'), { target: { value: '18:00' } });
    fireEvent.change(screen.getByLabelText('下班时间'), { target: { value: '09:00' } });
    await user.click(screen.getByLabelText('工作时间的欢迎语（来电者听到的）'));
    await user.paste('您好，这里是泉城茶业。');
    await user.click(screen.getByLabelText('非工作时间的提示语'));
    await user.paste('现在是非工作时间。');
    await user.click(screen.getByTestId('sb-save'));
    expect(await screen.findByTestId('sb-failure')).toHaveTextContent('下班时间应晚于上班时间');
    expect(screen.getByTestId('sb-number')).toHaveValue('053188886666');
    expect((await backend.call('services.get', { enterpriseId })).switchboard).toBeNull();

    fireEvent.change(screen.getByLabelText('下班时间'), { target: { value: '21:00' } });
    await user.click(screen.getByTestId('sb-save'));
    await waitFor(async () =>
      expect((await backend.call('services.get', { enterpriseId })).switchboard).toMatchObject({
        number: '053188886666',
        hours: { open: '18:00', close: '21:00' },
      }),
    );
    expect(within(document.body).getAllByText('612345').length).toBeGreaterThan(0); // the extension table
  });
});
