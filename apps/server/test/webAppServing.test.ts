import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

let server: TestServer;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ruta-web-'));
beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Ruta</title><div id="root"></div>');
  fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("ruta")');
  server = await startTestServer({ file: import.meta.url, config: { webDist: dist } });
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('the built web app', () => {
  it('is served, with index.html for every app path (SPA fallback)', async () => {
    const home = await server.anonymous().get<string>('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<title>Ruta</title>');
    const deep = await server.anonymous().get<string>('/cases/65f1c0ffee0000000000abcd');
    expect(deep.status).toBe(200);
    expect(deep.body).toContain('id="root"');
    const asset = await server.anonymous().get<string>('/assets/app.js');
    expect(asset.headers.get('content-type')).toContain('javascript');
  });

  it('leaves /api to the API: unknown API paths answer JSON 404', async () => {
    const r = await server.anonymous().get<{ error: { code: string } }>('/api/nothing/here');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('no-such-route');
  });
});
