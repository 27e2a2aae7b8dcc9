/**
 * Out-of-region work (issue 8 item 15), jsdom on a device signed in to the real platform as a 济南
 * manager: the enterprise form warns as soon as a 青岛 region is chosen; enterprises registered
 * there anyway come back from the sync as refused new records — worded as such, not as
 * "企业已划到其他区域" — which the sync centre exports and discards all at once.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QINGDAO } from '../helpers/syncDevice';
import { renderApp } from './renderApp';
import { useSignedInDevice } from './signedInDevice';

describe('work outside the account\u2019s region (jsdom, in-memory transport, real backend and platform)', () => {
  const session = useSignedInDevice({ operator: '王建国', user: 'jn.manager' });
  let nextIndex = 100;
  afterEach(() => vi.unstubAllGlobals());

  it('warns on the form when the region is outside the account\u2019s, and not inside it', async () => {
    const { user } = renderApp(session.device().transport, '/enterprises/new');
    const region = await screen.findByLabelText('所在地区');
    await user.type(region, '市南{Enter}');
    const help = await screen.findByTestId('ent-region-help');
    expect(help).toHaveTextContent('这家企业在山东省青岛市，不在您的平台账号 王建国（jn.manager）负责的区域（山东省济南市）内');

    await user.type(region, '历下{Enter}');
    await waitFor(() => expect(screen.queryByTestId('ent-region-help')).toBeNull());
  });

  it('says the refused records are new ones, and exports and discards them all at once', async () => {
    const device = session.device();
    const ours = await device.createEnterprise(nextIndex++);
    const outside: string[] = [];
    for (let i = 0; i < 3; i++) outside.push(await device.createEnterprise(nextIndex++, { region: QINGDAO, address: `青岛市市南区香港中路${i + 1}号` }));
    expect(await device.sync()).toMatchObject({ conflicts: 3 });

    const { user } = renderApp(device.transport, '/sync?tab=conflicts');
    const cards = await screen.findAllByTestId('conflict');
    expect(cards).toHaveLength(3);
    for (const card of cards) {
      expect(within(card).getByTestId('conflict-kind')).toHaveTextContent('无权登记');
      expect(card).toHaveTextContent('这是您在本机新登记的记录');
      expect(card).not.toHaveTextContent('企业已划到其他区域');
    }

    // 全部导出: one file with the three (the browser's download is the edge: its blob is kept here).
    const blobs: Blob[] = [];
    vi.stubGlobal('URL', class extends URL {
      static override createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:exported');
      static override revokeObjectURL = () => undefined;
    });
    const bulk = screen.getByTestId('conflicts-bulk');
    expect(bulk).toHaveTextContent('3 条记录平台不接受');
    await user.click(within(bulk).getByTestId('conflicts-export-all'));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const file = JSON.parse(await blobs[0]!.text()) as { conflicts: { rowId: string }[] };
    expect(file.conflicts.map((c) => c.rowId).sort()).toEqual([...outside].sort());

    // 全部放弃, confirmed: the cards go, so do the refused records; the 济南 one stays.
    await user.click(within(bulk).getByTestId('conflicts-discard-all'));
    const popup = await waitFor(() => document.querySelector<HTMLElement>('.ant-popconfirm')!);
    await user.click(within(popup).getByText('确认'));
    await screen.findByTestId('sync-conflicts-empty');
    expect(device.enterprises().map((e) => e.id)).toEqual([ours]);
    expect(await device.call('sync.conflicts', {})).toEqual([]);
  });
});
