import { Entity } from '@backstage/catalog-model';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Silence } from '@unyo/plugin-ops-common';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { renderWithEntity } from '../../../__testUtils__/render';
import { OpsApiError } from '../../../api';
import { AlertSilenceList } from './AlertSilenceList';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'mairust-smtp', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/sre', lifecycle: 'prod' },
};
const entityRef = 'component:default/mairust-smtp';

const silence = (id: string, state: Silence['state']): Silence => ({
  id,
  server: 'default',
  matchers: [
    { name: 'service', value: 'mairust-smtp', isRegex: false },
    { name: 'alertname', value: 'QueueBacklog', isRegex: false },
  ],
  startsAt: '2026-11-23T05:00:00Z',
  endsAt: '2026-11-23T06:00:00Z',
  createdBy: 'user:default/hanako',
  comment: 'draining the queue by hand',
  state,
});

describe('AlertSilenceList', () => {
  it('lists active silences and expires one', async () => {
    const opsApi = mockOpsApi(opsStatus(true));
    opsApi.getSilences.mockResolvedValue({
      items: [silence('s-1', 'active'), silence('s-2', 'expired')],
    });
    opsApi.expireSilence.mockResolvedValue(undefined);
    const onExpired = jest.fn();
    await renderWithEntity(
      <AlertSilenceList
        entityRef={entityRef}
        canExpire
        onExpired={onExpired}
      />,
      { entity, opsApi },
    );

    const row = await screen.findByTestId('silence-s-1');
    expect(screen.queryByTestId('silence-s-2')).toBeNull();
    expect(
      within(row).getByText('service="mairust-smtp", alertname="QueueBacklog"'),
    ).toBeInTheDocument();
    expect(within(row).getByText('user:default/hanako')).toBeInTheDocument();
    expect(
      within(row).getByText('draining the queue by hand'),
    ).toBeInTheDocument();

    await userEvent.click(within(row).getByRole('button', { name: 'Expire' }));
    await waitFor(() =>
      expect(opsApi.expireSilence).toHaveBeenCalledWith('s-1', entityRef),
    );
    expect(onExpired).toHaveBeenCalled();
  });

  it("shows the backend's refusal and offers no Expire without the permission", async () => {
    const opsApi = mockOpsApi(opsStatus(true));
    opsApi.getSilences.mockResolvedValue({ items: [silence('s-1', 'active')] });
    opsApi.expireSilence.mockRejectedValue(
      new OpsApiError('Not allowed to expire', 403, 'NotAllowedError'),
    );
    const { unmount } = await renderWithEntity(
      <AlertSilenceList entityRef={entityRef} canExpire />,
      { entity, opsApi },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Expire' }),
    );
    expect(
      await screen.findByText(
        'The silence was not expired: Not allowed to expire',
      ),
    ).toBeInTheDocument();
    unmount();

    await renderWithEntity(
      <AlertSilenceList entityRef={entityRef} canExpire={false} />,
      { entity, opsApi },
    );
    await screen.findByTestId('silence-s-1');
    expect(screen.queryByRole('button', { name: 'Expire' })).toBeNull();
  });
});
