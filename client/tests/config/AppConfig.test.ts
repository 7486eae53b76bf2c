import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/AppConfig';

const local = {
  apiBaseUrl: '',
  webSocketUrl: 'ws://127.0.0.1:5080/ws',
  cognito: { endpoint: 'http://127.0.0.1:9229/', region: 'us-east-1', userPoolId: 'local_pool', clientId: 'client' },
  chatEnabled: false,
  vapidPublicKey: 'BKey',
};

describe('AppConfig', () => {
  it('reads the local cloud configuration', async () => {
    const requested: string[] = [];
    const config = await loadConfig((url) => {
      requested.push(url);
      return Promise.resolve(new Response(JSON.stringify(local), { status: 200 }));
    });
    expect(requested).toEqual(['/config.json']);
    expect(config).toEqual(local);
  });

  it('drops a trailing slash from apiBaseUrl so paths can be appended', () => {
    expect(parseConfig({ ...local, apiBaseUrl: 'https://d111.cloudfront.net/' }).apiBaseUrl).toBe('https://d111.cloudfront.net');
  });

  it('names a missing required setting', () => {
    expect(() => parseConfig({ ...local, cognito: { ...local.cognito, clientId: '' } })).toThrow(/cognito.clientId/);
    expect(() => parseConfig({ ...local, webSocketUrl: undefined })).toThrow(ConfigError);
    expect(() => parseConfig(null)).toThrow(ConfigError);
  });

  it('fails clearly when config.json cannot be loaded', async () => {
    await expect(loadConfig(() => Promise.resolve(new Response('missing', { status: 404 })))).rejects.toThrow(/HTTP 404/);
  });
});
