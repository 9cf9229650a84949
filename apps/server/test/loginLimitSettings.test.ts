// A login limit of 0 (RUTA_LOGIN_MAX_FAILURES=0) would refuse every login, the right password too:
// the server refuses to start with it and says what to set instead.
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { killSpawned, startServerProcess } from './helpers/serverProcess.js';
import { uniqueDbName } from './helpers/testDatabase.js';

afterAll(() => killSpawned());

describe('the failed-login limits', () => {
  it.each(['RUTA_LOGIN_MAX_FAILURES', 'RUTA_LOGIN_MAX_FAILURES_PER_ADDRESS'])(
    'stop the server at start when %s is 0, saying why and what to set',
    async (name) => {
      const started = startServerProcess({ dbName: uniqueDbName(import.meta.url), env: { [name]: '0' } });
      const failure = await started.then(
        (p) => new Error(`the server started with ${name}=0:\n${p.output()}`),
        (e: unknown) => e as Error,
      );
      expect(failure.message).toMatch(/the server exited with 1/);
      expect(failure.message).toContain(`${name} must be a whole number from 1`);
      expect(failure.message).toMatch(/0 would refuse every login/);
      expect(failure.message).toMatch(/leave it unset for the default \d+/);
      expect(failure.message).not.toMatch(/Ruta listening/);
    },
    60_000,
  );

  it('take 1 and more, and default to 10 per user name and 50 per address', () => {
    expect(loadConfig({ RUTA_LOGIN_MAX_FAILURES: '1' }).loginMaxFailures).toBe(1);
    expect(loadConfig({})).toMatchObject({ loginMaxFailures: 10, loginMaxFailuresPerAddress: 50 });
    expect(() => loadConfig({ RUTA_LOGIN_MAX_FAILURES_PER_ADDRESS: '-3' })).toThrow(/from 1/);
  });

  it('believe a forwarded client address only from the proxies named, never from anyone', () => {
    expect(loadConfig({}).trustProxy).toBeNull();
    expect(loadConfig({ RUTA_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ RUTA_TRUST_PROXY: 'loopback, 10.0.0.5' }).trustProxy).toBe('loopback, 10.0.0.5');
    for (const anyone of ['true', '*', '0'])
      expect(() => loadConfig({ RUTA_TRUST_PROXY: anyone })).toThrow(/any client choose the address/);
  });
});
