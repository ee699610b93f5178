import { render } from '@testing-library/react';
import App from './App';

describe('App', () => {
  // Loading the app's plugins takes seconds on a busy machine.
  jest.setTimeout(30_000);

  it('renders the sign-in page under the configured title', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
            techdocs: {
              storageUrl: 'http://localhost:7007/api/techdocs/static/docs',
            },
          },
          context: 'test',
        },
      ] as any,
    };

    const rendered = render(App.createRoot());

    // What a user first sees: the sign-in page under the configured title,
    // with the guest sign-in the portal offers.
    expect(
      await rendered.findByRole('heading', { level: 1 }, { timeout: 20_000 }),
    ).toHaveTextContent('Test');
    expect(rendered.getByRole('button', { name: 'Enter' })).toBeVisible();
  });
});
