import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { seed } from '../src/seed.js';
import { readShippedFiles } from '../src/services/shippedFiles.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

let server: TestServer;
let editedRoot: string;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
  // A checkout whose child-repatriation@1 was edited after this database published it.
  editedRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'ruta-edited-'));
  fs.cpSync(path.join(repoRoot, 'workflows'), path.join(editedRoot, 'workflows'), { recursive: true });
  fs.cpSync(path.join(repoRoot, 'forms'), path.join(editedRoot, 'forms'), { recursive: true });
  const file = path.join(editedRoot, 'workflows/regional/child-repatriation.v1.json');
  const protocol = JSON.parse(fs.readFileSync(file, 'utf8')) as { title: { es: string; en: string } };
  protocol.title.es = 'Repatriación (título editado)';
  fs.writeFileSync(file, JSON.stringify(protocol, null, 2));
});
afterAll(async () => {
  await server?.close();
  if (editedRoot) fs.rmSync(editedRoot, { recursive: true, force: true });
});

describe('a restart with a shipped protocol file edited after it was published', () => {
  it('keeps the published version, and says which shipped version differs and what to do', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const before = await server.services.repos.protocols.find('child-repatriation', 1);
    const services = {
      ...server.services,
      shippedFiles: () => readShippedFiles(editedRoot),
    } as typeof server.services;

    const summary = await seed(services, { demo: false, passwordCost: 12 }, logger);

    expect(summary.differing).toEqual(['child-repatriation@1']);
    expect(summary.published).toEqual([]);
    const warning = lines
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .find((l) => l.level === 40);
    expect(warning?.msg).toContain(
      'the shipped child-repatriation@1 differs from the child-repatriation@1 this database published',
    );
    expect(warning?.msg).toContain('higher "version"');
    const after = await server.services.repos.protocols.find('child-repatriation', 1);
    expect(after?.hash).toBe(before?.hash);
    const auditor = await server.as('auditor.regional');
    const shown = await auditor.get<{ title: { es: string } }>(
      '/api/protocols/child-repatriation/versions/1',
    );
    expect(shown.body.title.es).not.toBe('Repatriación (título editado)');
  });

  it('says nothing when the shipped files are the published ones', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const summary = await seed(server.services, { demo: false, passwordCost: 12 }, logger);
    expect(summary.differing).toEqual([]);
    expect(summary.alreadyPublished).toBeGreaterThan(0);
    expect(lines.filter((l) => (JSON.parse(l) as { level: number }).level >= 40)).toEqual([]);
  });
});
