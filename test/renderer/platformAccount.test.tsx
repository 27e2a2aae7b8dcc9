/**
 * The header's person (issue 8 item 18), jsdom on a device signed in to the real platform (a child
 * process): it names the platform account when that is another person than this device's operator.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './renderApp';
import { useSignedInDevice } from './signedInDevice';

describe('the platform account in the header (jsdom, in-memory transport, real backend and platform)', () => {
  const session = useSignedInDevice({ operator: '李敏', user: 'jn.manager' });

  it("names the platform account beside the operator when they differ, and makes the device's operator that person on request", async () => {
    const device = session.device();
    const { user } = renderApp(device.transport, '/enterprises');
    const person = await screen.findByTestId('header-person');
    expect(within(person).getByTestId('platform-account-name')).toHaveTextContent('王建国');
    expect(within(person).getByTestId('operator-name')).toHaveTextContent('李敏');

    await user.click(person);
    expect(await screen.findByText(/同步到平台的修改都记在 王建国 名下/)).toBeInTheDocument();
    await user.click(screen.getByTestId('person-use-account'));
    await waitFor(() => expect(screen.queryByTestId('header-person')).toBeNull());
    expect(screen.getByTestId('operator-name')).toHaveTextContent('王建国');
    expect((await device.call('system.status', {})).operator).toEqual({ name: '王建国', channel: 'customer_manager' });
  });
});
