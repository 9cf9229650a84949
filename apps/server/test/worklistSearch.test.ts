import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReadyForHandover, formExamples, openCase } from './helpers/factories.js';
import { readPages } from './helpers/readPages.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface Row {
  id: string;
  country: string;
}
interface ErrorAnswer {
  error: { code: string; message: string };
}

/**
 * Ids that start with `lead` (then a count): cases opened while it is "a1b2" share that start,
 * those opened while it is "c3d4" another, so a search by the start can tell them apart.
 */
let lead = 'a1b2';
let count = 0;
const ids = () => `${lead}${(count++).toString(16).padStart(20, '0')}`;

let server: TestServer;
/** Cases of Honduras whose reference starts with a1b2. */
const hnA: string[] = [];
/** Cases of Honduras whose reference starts with c3d4. */
const hnC: string[] = [];
/** A case of Guatemala whose reference starts with a1b2. */
let gtCase = '';

beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, ids });
  const worker = await server.as('caseworker.hn');
  for (let i = 0; i < 3; i++) hnA.push((await openCase(worker, 'child-repatriation')).case.id);
  gtCase = (await openCase(await server.as('caseworker.gt'), 'child-repatriation')).case.id;
  lead = 'c3d4';
  for (let i = 0; i < 2; i++) hnC.push((await openCase(worker, 'child-repatriation')).case.id);
  await server.services.caseStore.drain();
});
afterAll(async () => server?.close());

const search = (q: string, more = '') => `/api/cases?q=${encodeURIComponent(q)}${more}`;

describe('searching the worklist by case reference', () => {
  it('finds a case by its whole reference or its first characters, in capitals or not', async () => {
    const worker = await server.as('caseworker.hn');
    const target = hnA[2]!;
    const whole = await worker.get<Row[]>(search(target));
    expect(whole.status).toBe(200);
    expect(whole.body.map((r) => r.id)).toEqual([target]);
    // Typed as read out over the phone: capitals, spaces around it.
    const spoken = await worker.get<Row[]>(search(`  ${target.toUpperCase()} `));
    expect(spoken.body.map((r) => r.id)).toEqual([target]);
    // The first characters find every case whose reference starts with them, and only those.
    const byStart = (await worker.get<Row[]>(search('A1B'))).body.map((r) => r.id);
    expect(byStart.sort()).toEqual([...hnA].sort());
    expect((await worker.get<Row[]>(search('c'))).body.map((r) => r.id).sort()).toEqual([...hnC].sort());
  });

  it('finds nothing for a reference no case has, and the other filters still apply', async () => {
    const worker = await server.as('caseworker.hn');
    expect((await worker.get<Row[]>(search('ffffffffffffffffffffffff'))).body).toEqual([]);
    expect((await worker.get<Row[]>(search(hnA[0]!.slice(0, -1) + 'x'))).body).toEqual([]);
    // The case is open: searching among closed cases, or another protocol's, does not find it.
    expect((await worker.get<Row[]>(search(hnA[0]!, '&status=closed'))).body).toEqual([]);
    expect((await worker.get<Row[]>(search(hnA[0]!, '&protocol=voluntary-return'))).body).toEqual([]);
    expect((await worker.get<Row[]>(search(hnA[0]!, '&protocol=child-repatriation'))).body).toHaveLength(1);
    // An empty search is no search.
    const all = [...hnA, ...hnC].sort();
    expect((await worker.get<Row[]>(search('   '))).body.map((r) => r.id).sort()).toEqual(all);
  });

  it('never finds another country’s case, even by its whole reference', async () => {
    const hnWorker = await server.as('caseworker.hn');
    expect((await hnWorker.get<Row[]>(search(gtCase))).body).toEqual([]);
    // Its first characters, shared with this country's cases, find only this country's.
    const shared = (await hnWorker.get<Row[]>(search('a1b2'))).body.map((r) => r.id);
    expect(shared.sort()).toEqual([...hnA].sort());
    // Regional users see every country's cases, so they find it.
    const regional = await server.as('auditor.regional');
    expect((await regional.get<Row[]>(search(gtCase))).body.map((r) => r.id)).toEqual([gtCase]);
  });

  it('takes the text literally: pattern characters match nothing', async () => {
    const worker = await server.as('caseworker.hn');
    for (const q of ['.*', '.', '^', '[0-9a-f]', '\\d', '(', '$ne', hnA[0]!.slice(0, 4) + '.*', '%', '*']) {
      const r = await worker.get<Row[]>(search(q));
      expect(r.status, q).toBe(200);
      expect(r.body, q).toEqual([]);
    }
  });

  it('refuses a search too long or with control characters, saying what to fix', async () => {
    const worker = await server.as('caseworker.hn');
    const long = await worker.get<ErrorAnswer>(search('a'.repeat(65)));
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe('invalid-input');
    expect(long.body.error.message).toContain('query.q');
    expect(long.body.error.message).toContain('at most 64 characters');
    for (const q of [`${hnA[0]}\n`, `a\tb`, `a\u0000b`]) {
      const bad = await worker.get<ErrorAnswer>(search(q));
      expect(bad.status, JSON.stringify(q)).toBe(400);
      expect(bad.body.error.message).toContain('control characters');
    }
    // Given twice, it is refused rather than one of them picked.
    expect((await worker.get(`/api/cases?q=a&q=b`)).status).toBe(400);
    // Nothing changed: the list reads as before.
    expect((await worker.get<Row[]>('/api/cases')).body).toHaveLength(hnA.length + hnC.length);
  });

  it('comes in pages: together they are every case the search finds, and only those', async () => {
    const worker = await server.as('caseworker.hn');
    const whole = (await worker.get<Row[]>(search('a1b2'))).body.map((r) => r.id);
    expect([...whole].sort()).toEqual([...hnA].sort());
    const pages = await readPages(worker, search('a1b2', '&limit=2'));
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    expect(pages.flat()).toEqual(whole);
  });

  it('finds the case a handover opened by the whole reference of the case it came from, and the reverse', async () => {
    lead = 'e5f6';
    const sending = (await caseReadyForHandover(server, 'HN')).case.id;
    const hnWorker = await server.as('caseworker.hn');
    const sent = await hnWorker.post<{ id: string }>(`/api/cases/${sending}/handovers`, {
      toCountry: 'GT',
      note: 'Coordinado entre enlaces',
    });
    expect(sent.status).toBe(201);
    // The Guatemalan focal point records the receipt: a sample, less what the handover itself
    // gives (who sent it, the sending case's reference, what the packet attests).
    const fp = await server.as('focalpoint.gt');
    const [sample] = await formExamples(
      fp,
      { id: 'child-repatriation-gt', version: 1 },
      'cr-handover-receipt',
    );
    const packet = JSON.parse((await server.services.repos.handovers.find(sent.body.id))!.packet) as {
      data: Record<string, Record<string, unknown>>;
    };
    const attested = new Set([
      'sendingCountry',
      'sendingCaseReference',
      ...Object.values(packet.data).flatMap(Object.keys),
    ]);
    const receipt = Object.fromEntries(Object.entries(sample!).filter(([k]) => !attested.has(k)));
    const accepted = await fp.post<{ linkedCase: { case: { id: string } } }>(
      `/api/handovers/${sent.body.id}/accept`,
      {
        data: receipt,
      },
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const received = accepted.body.linkedCase.case.id;
    await server.services.caseStore.drain();

    // Guatemala, phoned by the Honduran liaison, finds its case by the Honduran reference...
    const gtWorker = await server.as('caseworker.gt');
    expect((await gtWorker.get<Row[]>(search(sending.toUpperCase()))).body.map((r) => r.id)).toEqual([
      received,
    ]);
    // ...whole only: a start of another case's reference is no key to it.
    expect((await gtWorker.get<Row[]>(search(sending.slice(0, 23)))).body).toEqual([]);
    // Honduras finds its case by the Guatemalan reference.
    expect((await hnWorker.get<Row[]>(search(received))).body.map((r) => r.id)).toEqual([sending]);
    // A country the case never reached finds neither.
    const sv = await server.as('caseworker.sv');
    expect((await sv.get<Row[]>(search(sending))).body).toEqual([]);
    expect((await sv.get<Row[]>(search(received))).body).toEqual([]);
  });
});
