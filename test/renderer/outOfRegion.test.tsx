/**
 * Out-of-region work (issue 8 item 15), jsdom on a device signed in to the real platform as a 济南
 * manager: the enterprise form warns as soon as a 青岛 region is chosen; enterprises registered
 * there anyway come back from the sync as refused new records — worded as such, not as
 * "企业已划到其他区域" — which the sync centre exports and discards all at once, or keeps on this
 * computer as local drafts: marked in the list, never sent again, however they are edited.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { QINGDAO } from '../helpers/syncDevice';
import { giveTheTableAHeight } from './enterpriseTable';
import { renderApp } from './renderApp';
import { useSignedInDevice } from './signedInDevice';

describe('work outside the account\u2019s region (jsdom, in-memory transport, real backend and platform)', () => {
  const session = useSignedInDevice({ operator: '王建国', user: 'jn.manager' });
  let nextIndex = 100;
  /** One enterprise in the account's region and `count` in 青岛, synced: the 青岛 ones come back refused. */
  const registerHereAndInQingdao = async (device: ReturnType<typeof session.device>, count: number, firstNumber: number) => {
    const ours = await device.createEnterprise(nextIndex++);
    const outside: string[] = [];
    for (let i = 0; i < count; i++)
      outside.push(await device.createEnterprise(nextIndex++, { region: QINGDAO, address: `青岛市市南区香港中路${i + firstNumber}号` }));
    expect(await device.sync()).toMatchObject({ conflicts: count });
    return { ours, outside };
  };
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
    const { ours, outside } = await registerHereAndInQingdao(device, 3, 1);

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
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:exported');
        static override revokeObjectURL = () => undefined;
      },
    );
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

  it('keeps the refused new records as local drafts: marked in the list, and nothing about them is sent again', async () => {
    const device = session.device();
    const { ours, outside } = await registerHereAndInQingdao(device, 2, 11);

    const { user, unmount } = renderApp(device.transport, '/sync?tab=conflicts');
    const card = (await screen.findAllByTestId('conflict'))[0]!;
    expect(within(card).getByTestId('conflict-keep')).toHaveTextContent('留作本机草稿');
    const bulk = screen.getByTestId('conflicts-bulk');
    await user.click(within(bulk).getByTestId('conflicts-keep-all'));
    await screen.findByTestId('sync-conflicts-empty');
    expect(await device.call('sync.conflicts', {})).toEqual([]);
    // The records stay on this computer, with what was typed.
    expect(device.enterprises().map((e) => e.id)).toEqual(expect.arrayContaining([ours, ...outside]));
    unmount();

    // Marked in the list as drafts for another region's manager; the 济南 one is not.
    const restoreLayout = giveTheTableAHeight();
    onTestFinished(restoreLayout);
    renderApp(device.transport, '/enterprises');
    const rowOf = (id: string) => screen.getAllByTestId('enterprise-row').find((r) => r.dataset.id === id)!;
    await waitFor(() => expect(rowOf(outside[1]!)).toBeDefined());
    for (const id of outside) expect(within(rowOf(id)).getByTestId('enterprise-local-draft')).toHaveTextContent('本机草稿');
    expect(within(rowOf(ours)).queryByTestId('enterprise-local-draft')).toBeNull();

    // An edit of a draft stays here: nothing queued, nothing pushed, no new refusal.
    const before = device.outbox().length;
    await device.editEnterprise(outside[0]!, (fields) => ({ ...fields, address: '青岛市市南区香港中路99号' }));
    expect(device.outbox()).toHaveLength(before);
    expect(await device.sync()).toMatchObject({ pushed: 0, conflicts: 0 });
    expect(device.enterprises().find((e) => e.id === outside[0])).toMatchObject({ address: '青岛市市南区香港中路99号' });
    // Deleting a draft ends it, and still sends nothing.
    await device.deleteEnterprise(outside[1]!);
    expect(device.outbox()).toHaveLength(before);
    expect(device.enterprises().map((e) => e.id)).not.toContain(outside[1]);
  });
});
