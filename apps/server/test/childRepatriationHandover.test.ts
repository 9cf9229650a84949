import { createHash } from 'node:crypto';
import { canonicalJson } from '@ruta/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '@ruta/engine';
import {
  caseReadyForHandover,
  driveCase,
  formExamples,
  openCase,
  type CaseViewBody,
} from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface HandoverBody {
  id: string;
  caseId: string;
  fromCountry: string;
  toCountry: string;
  status: string;
  packet: { protocol: { id: string }; data: Record<string, Record<string, unknown>> };
  packetHash: string;
  linkedCaseId: string | null;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

describe('a child found in Mexico is returned to Guatemala through the API', () => {
  let mxCase: CaseViewBody;
  let handover: HandoverBody;
  let gtCaseId: string;

  it('runs the Mexican case from detection to the coordination of the return', async () => {
    const mx = await server.as('caseworker.mx');
    mxCase = await openCase(mx, 'child-repatriation-mx');
    expect(mxCase.case.country).toBe('MX');
    const { view, events } = await driveCase(server, mxCase.case.id, 'MX', {
      until: (v) => JSON.stringify(v.state.value).includes('travel'),
    });
    expect(events).toEqual(
      expect.arrayContaining(['DETECT', 'SCREENED', 'VERIFIED', 'DECIDE', 'COORDINATED']),
    );
    expect(view.handovers).toEqual([expect.objectContaining({ toCountry: 'GT', status: 'pending' })]);
    // The 24-hour alert and the decision to return reached Guatemala's focal point.
    type Alert = { id: string; caseId: string; caseCountry: string; read: boolean };
    const focal = await server.as('focalpoint.gt');
    const alerts = (await focal.get<Alert[]>('/api/notifications')).body.filter(
      (a) => a.caseId === mxCase.case.id,
    );
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    expect(alerts[0]).toMatchObject({ caseCountry: 'MX', read: false });

    // Read marks are each user's own; another country's focal point cannot touch the alert.
    expect((await focal.post(`/api/notifications/${alerts[0]!.id}/read`)).status).toBe(204);
    expect((await focal.post(`/api/notifications/${alerts[0]!.id}/read`)).status).toBe(204);
    const again = (await focal.get<Alert[]>('/api/notifications')).body.find((a) => a.id === alerts[0]!.id);
    expect(again?.read).toBe(true);
    const colleague = await server.as('supervisor.gt');
    const theirs = (await colleague.get<Alert[]>('/api/notifications')).body.find(
      (a) => a.id === alerts[0]!.id,
    );
    expect(theirs?.read).toBe(false);
    const foreign = await (await server.as('focalpoint.sv')).post(`/api/notifications/${alerts[0]!.id}/read`);
    expect(foreign.status).toBe(404);
    const malformed = await focal.post<{ error: { message: string } }>('/api/notifications/nope/read');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/alert id/);
  });

  it('gives Guatemala a packet of shareable fields only, with the SHA-256 of its canonical JSON', async () => {
    const fp = await server.as('focalpoint.gt');
    const list = await fp.get<HandoverBody[]>('/api/handovers?status=pending');
    expect(list.status).toBe(200);
    const mine = list.body.filter((h) => h.caseId === mxCase.case.id);
    expect(mine).toHaveLength(1);
    handover = mine[0]!;
    expect(handover).toMatchObject({ fromCountry: 'MX', toCountry: 'GT', status: 'pending' });
    expect(createHash('sha256').update(canonicalJson(handover.packet)).digest('hex')).toBe(
      handover.packetHash,
    );
    const fields = Object.values(handover.packet.data).flatMap((d) => Object.keys(d));
    expect(fields).toEqual(expect.arrayContaining(['sex', 'ageGroup', 'nationality', 'riskLevel']));
    // Names, identity documents and the child's own account never cross the border.
    for (const secret of [
      'childName',
      'fullName',
      'dateOfBirth',
      'identityDocument',
      'childViews',
      'observations',
    ]) {
      expect(fields).not.toContain(secret);
    }
  });

  it('lets only the receiving focal point accept, and opens a linked case under the Guatemalan variant', async () => {
    const gtWorker = await server.as('caseworker.gt');
    expect((await gtWorker.post(`/api/handovers/${handover.id}/accept`, {})).status).toBe(403);
    const mxFocal = await server.as('focalpoint.mx');
    expect((await mxFocal.post(`/api/handovers/${handover.id}/accept`, {})).status).toBe(403);

    const fp = await server.as('focalpoint.gt');
    const missing = await fp.post(`/api/handovers/${handover.id}/accept`, {});
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body)).toContain('portOfEntry');
    // A misspelt field, or a field the sending country attested given otherwise, is refused by
    // name (422), not dropped; the handover stays pending.
    const receipt = {
      expectedArrival: '2026-04-02T16:00:00Z',
      portOfEntry: 'Aeropuerto Internacional La Aurora',
      escortingInstitution: 'Sistema DIF',
    };
    type Refusal = { error: { code: string; message: string; details: unknown[] } };
    for (const [name, data, path] of [
      ['misspelt', { ...receipt, careNeedsAtRecepton: 'Insulina' }, '/careNeedsAtRecepton'],
      ['attested', { ...receipt, nationality: 'HN' }, '/nationality'],
      ['who sent it', { ...receipt, sendingCountry: 'SV' }, '/sendingCountry'],
    ] as const) {
      const r = await fp.post<Refusal>(`/api/handovers/${handover.id}/accept`, { data });
      expect(r.status, name).toBe(422);
      expect(r.body.error.details, name).toEqual([expect.objectContaining({ code: 'form-invalid', path })]);
    }
    // Repeating what the packet says is fine (the app fills the form from it).
    const pending = await fp.get<HandoverBody[]>('/api/handovers?status=pending');
    expect(pending.body.map((h) => h.id)).toContain(handover.id);

    const accepted = await fp.post<{ handover: HandoverBody; linkedCase: CaseViewBody }>(
      `/api/handovers/${handover.id}/accept`,
      {
        data: {
          expectedArrival: '2026-04-02T16:00:00Z',
          portOfEntry: 'Aeropuerto Internacional La Aurora',
          escortingInstitution: 'Sistema DIF',
          careNeedsAtReception: 'Insulina diaria: diabetes tipo 1',
          nationality: 'GT',
        },
      },
    );
    expect(accepted.status).toBe(200);
    const linked = accepted.body.linkedCase;
    gtCaseId = linked.case.id;
    expect(accepted.body.handover).toMatchObject({ status: 'accepted', linkedCaseId: gtCaseId });
    expect(linked.case.country).toBe('GT');
    expect(linked.protocol.id).toBe('child-repatriation-gt');
    expect(linked.state.value).toBe('arrival');
    expect(linked.linked).toEqual([
      expect.objectContaining({ caseId: mxCase.case.id, country: 'MX', relation: 'handed-over-from' }),
    ]);
    expect(linked.case.data['cr-handover-receipt']).toMatchObject({
      sendingCountry: 'MX',
      nationality: 'GT',
    });

    const again = await fp.post<{ linkedCase: CaseViewBody }>(`/api/handovers/${handover.id}/accept`, {});
    expect(again.status).toBe(200);
    expect(again.body.linkedCase.case.id).toBe(gtCaseId);
    // A retry with the data the acceptance recorded is answered alike; other data is not dropped
    // unseen but refused, since the received case already holds the first.
    const retry = await fp.post(`/api/handovers/${handover.id}/accept`, {
      data: {
        portOfEntry: 'Aeropuerto Internacional La Aurora',
        careNeedsAtReception: 'Insulina diaria: diabetes tipo 1',
      },
    });
    expect(retry.status).toBe(200);
    const other = await fp.post<Refusal>(`/api/handovers/${handover.id}/accept`, {
      data: { portOfEntry: 'Tecún Umán', bogus: 1 },
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('handover-decided');
    expect(other.body.error.details).toEqual([
      { handoverId: handover.id, status: 'accepted', fields: ['portOfEntry', 'bogus'] },
    ]);
    expect(other.body.error.message).not.toContain('Tecún');
    const unchanged = await fp.get<CaseViewBody>(`/api/cases/${gtCaseId}`);
    expect(unchanged.body.case.data['cr-handover-receipt']!.portOfEntry).toBe(
      'Aeropuerto Internacional La Aurora',
    );
  });

  it('shows a sensitive value a packet carries as reserved, to both countries, as on the case itself', async () => {
    // The care needs are shareable (the next country needs them) and sensitive: they cross the
    // border in the stored packet, but a reader of the handover sees them reserved.
    // Only a received case records them, and it is past the stages where a case worker may hand it
    // over: the packet is sent the way the protocol's own steps send one.
    const secret = 'Insulina diaria';
    const gtWorker = await server.as('caseworker.gt');
    const loaded = (await server.services.caseStore.load(gtCaseId))!;
    const step = { type: 'TEST_HANDOVER', seq: loaded.state.seq, at: new Date().toISOString() };
    await server.services.handovers.createFromEffect(loaded, 'HN', step as EventRecord, `test:${gtCaseId}`);
    const mine = (await gtWorker.get<HandoverBody[]>('/api/handovers')).body;
    const sent = { body: mine.find((h) => h.caseId === gtCaseId && h.toCountry === 'HN')! };
    expect(sent.body.packet.data['cr-handover-receipt']).toMatchObject({
      careNeedsAtReception: '[reserved]',
      nationality: 'GT',
    });
    for (const reader of ['caseworker.gt', 'auditor.gt', 'caseworker.hn', 'auditor.hn', 'auditor.regional']) {
      const list = await (await server.as(reader)).get<HandoverBody[]>('/api/handovers');
      const toHn = list.body.find((h) => h.id === sent.body.id);
      expect(toHn?.packet.data['cr-handover-receipt']?.careNeedsAtReception, reader).toBe('[reserved]');
      expect(JSON.stringify(list.body), reader).not.toContain(secret);
    }
    const declined = await (
      await server.as('focalpoint.hn')
    ).post<HandoverBody>(`/api/handovers/${sent.body.id}/decline`, { reason: 'No corresponde a Honduras' });
    expect(declined.status).toBe(200);
    expect(JSON.stringify(declined.body)).not.toContain(secret);
  });

  it('refuses to hand the case to Guatemala again while the case Guatemala opened is open', async () => {
    const mx = await server.as('caseworker.mx');
    const again = await mx.post<{ error: { code: string; message: string } }>(
      `/api/cases/${mxCase.case.id}/handovers`,
      { toCountry: 'GT', note: 'Otra vez' },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('handover-accepted');
    expect(again.body.error.message).toContain(`runs it as case ${gtCaseId}, still open`);
    const fp = await server.as('focalpoint.gt');
    const pending = (await fp.get<HandoverBody[]>('/api/handovers?status=pending')).body;
    expect(pending.filter((h) => h.caseId === mxCase.case.id)).toEqual([]);
  });

  it('keeps each country to its own case: the other one answers 404', async () => {
    const gt = await server.as('caseworker.gt');
    const mx = await server.as('caseworker.mx');
    expect((await gt.get(`/api/cases/${mxCase.case.id}`)).status).toBe(404);
    expect((await mx.get(`/api/cases/${gtCaseId}`)).status).toBe(404);
    expect((await gt.get(`/api/cases/${gtCaseId}`)).status).toBe(200);
    const mxView = await mx.get<CaseViewBody>(`/api/cases/${mxCase.case.id}`);
    expect(mxView.body.linked).toEqual([
      expect.objectContaining({ caseId: gtCaseId, country: 'GT', relation: 'handover' }),
    ]);
  });

  it('closes both cases, and their histories verify', async () => {
    const mx = await driveCase(server, mxCase.case.id, 'MX', { until: (v) => v.case.status === 'closed' });
    expect(mx.view.case.status).toBe('closed');
    expect(mx.view.state.value).toBe('closure');
    const gt = await driveCase(server, gtCaseId, 'GT', { until: (v) => v.case.status === 'closed' });
    expect(gt.events[0]).toBe('ARRIVED');
    expect(gt.view.case.status).toBe('closed');

    for (const [country, id] of [
      ['mx', mxCase.case.id],
      ['gt', gtCaseId],
    ] as const) {
      const auditor = await server.as(`auditor.${country}`);
      const chain = await auditor.get<{ ok: boolean; events: number }>(`/api/cases/${id}/audit/chain`);
      expect(chain.body).toMatchObject({ ok: true });
      const replay = await auditor.get<{ ok: boolean }>(`/api/cases/${id}/audit/replay`);
      expect(replay.body.ok).toBe(true);
    }
  });
});

describe('a case worker hands the case over before the protocol does', () => {
  it('the protocol adds no second handover to the same country: the focal point has one to decide', async () => {
    const mx = await server.as('caseworker.mx');
    const opened = await openCase(mx, 'child-repatriation-mx');
    const caseId = opened.case.id;
    // Up to the coordination of the return, whose completion hands the case to the origin.
    await driveCase(server, caseId, 'MX', {
      until: (v) => v.available.some((a) => a.event === 'COORDINATED'),
    });
    const sent = await mx.post<HandoverBody>(`/api/cases/${caseId}/handovers`, {
      toCountry: 'GT',
      note: 'Enviado antes de completar la coordinación',
    });
    expect(sent.status).toBe(201);
    const { view, events } = await driveCase(server, caseId, 'MX', {
      until: (v) => JSON.stringify(v.state.value).includes('travel'),
    });
    expect(events).toContain('COORDINATED');
    expect(view.handovers).toEqual([
      expect.objectContaining({ id: sent.body.id, toCountry: 'GT', status: 'pending' }),
    ]);
    const fp = await server.as('focalpoint.gt');
    const pending = (await fp.get<HandoverBody[]>('/api/handovers?status=pending')).body;
    expect(pending.filter((h) => h.caseId === caseId).map((h) => h.id)).toEqual([sent.body.id]);

    // Guatemala receives the child; while its case runs, the case is not sent to Guatemala again.
    const accepted = await fp.post<{ linkedCase: CaseViewBody }>(`/api/handovers/${sent.body.id}/accept`, {
      data: {
        expectedArrival: '2026-04-02T16:00:00Z',
        portOfEntry: 'La Aurora',
        escortingInstitution: 'DIF',
        // Sent before the coordination recorded it, so the packet does not carry it.
        escortNeeds: 'Acompañamiento psicológico',
      },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const again = () =>
      mx.post<HandoverBody>(`/api/cases/${caseId}/handovers`, { toCountry: 'GT', note: 'Otra vez' });
    expect((await again()).status).toBe(409);
    // Once Guatemala's case is closed, the case, travelling by now, is past the stages that allow
    // a handover by hand.
    const gtCaseId = accepted.body.linkedCase.case.id;
    await driveCase(server, gtCaseId, 'GT', { until: (v) => v.case.status === 'closed' });
    const later = (await again()) as unknown as { status: number; body: { error: { code: string } } };
    expect(later.status).toBe(409);
    expect(later.body.error.code).toBe('handover-stage');
  });
});

describe('a case worker hands the case over at the moment the protocol does', () => {
  it('stores one handover to the country, whichever comes first', async () => {
    const mx = await server.as('caseworker.mx');
    // Mexico's focal point completes the coordination; the case worker sends the case meanwhile.
    const focal = await server.as('focalpoint.mx');
    for (let round = 0; round < 3; round++) {
      const opened = await openCase(mx, 'child-repatriation-mx');
      const caseId = opened.case.id;
      const { view } = await driveCase(server, caseId, 'MX', {
        until: (v) => v.available.some((a) => a.event === 'COORDINATED'),
      });
      const coordinated = view.available.find((a) => a.event === 'COORDINATED')!;
      const sample = coordinated.form
        ? (await formExamples(mx, view.case.protocol, coordinated.form))[0]
        : undefined;
      const [stepped, sent] = await Promise.all([
        focal.post<CaseViewBody>(`/api/cases/${caseId}/steps`, {
          event: 'COORDINATED',
          ...(sample === undefined ? {} : { data: sample }),
          expectedVersion: view.version,
        }),
        mx.post<HandoverBody>(`/api/cases/${caseId}/handovers`, { toCountry: 'GT', note: 'A la vez' }),
      ]);
      expect(stepped.status, JSON.stringify(stepped.body)).toBe(200);
      expect([201, 409]).toContain(sent.status);
      const fp = await server.as('focalpoint.gt');
      const pending = (await fp.get<HandoverBody[]>('/api/handovers?status=pending')).body;
      expect(pending.filter((h) => h.caseId === caseId)).toHaveLength(1);
      const after = (await mx.get<CaseViewBody>(`/api/cases/${caseId}`)).body;
      expect(after.handovers.filter((h) => h.toCountry === 'GT')).toHaveLength(1);
    }
  });
});

describe('the handover list', () => {
  it('comes in pages when asked: each page says where the next one starts, and together they are the whole list', async () => {
    const sv = await server.as('caseworker.sv');
    for (let i = 0; i < 3; i++) {
      const opened = await caseReadyForHandover(server, 'SV');
      const sent = await sv.post(`/api/cases/${opened.case.id}/handovers`, {
        toCountry: 'HN',
        note: `Lista ${i}`,
      });
      expect(sent.status).toBe(201);
    }
    const fp = await server.as('focalpoint.hn');
    const whole = (await fp.get<HandoverBody[]>('/api/handovers')).body.map((h) => h.id);
    expect(whole.length).toBeGreaterThanOrEqual(3);
    const pages: string[][] = [];
    let after = '';
    for (;;) {
      const r = await fp.get<HandoverBody[]>(`/api/handovers?limit=2${after ? `&after=${after}` : ''}`);
      expect(r.status).toBe(200);
      pages.push(r.body.map((h) => h.id));
      const next = r.headers.get('x-next-cursor');
      if (!next) break;
      after = next;
    }
    expect(pages.slice(0, -1).every((p) => p.length === 2)).toBe(true);
    expect(pages.flat()).toEqual(whole);
    const pendingPage = await fp.get<HandoverBody[]>('/api/handovers?status=pending&limit=1');
    expect(pendingPage.body.map((h) => h.status)).toEqual(['pending']);
    expect(pendingPage.headers.get('x-next-cursor')).toBeTruthy();

    const bad = await fp.get<{ error: { code: string; message: string } }>('/api/handovers?after=bm9wZQ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('X-Next-Cursor');
    expect((await fp.get('/api/handovers?limit=501')).status).toBe(400);
  });

  it('gives one handover, as it stands now, to the countries it involves; any other gets 404', async () => {
    const sv = await server.as('caseworker.sv');
    const opened = await caseReadyForHandover(server, 'SV');
    const sent = await sv.post<HandoverBody>(`/api/cases/${opened.case.id}/handovers`, {
      toCountry: 'HN',
      note: 'Uno solo',
    });
    const hn = await server.as('focalpoint.hn');
    await hn.post(`/api/handovers/${sent.body.id}/decline`, { reason: 'No corresponde a Honduras' });
    for (const reader of ['caseworker.sv', 'focalpoint.hn', 'auditor.regional']) {
      const one = await (await server.as(reader)).get<HandoverBody>(`/api/handovers/${sent.body.id}`);
      expect(one.status, reader).toBe(200);
      expect(one.body).toMatchObject({
        id: sent.body.id,
        status: 'declined',
        fromCountry: 'SV',
        toCountry: 'HN',
      });
    }
    const other = await (await server.as('focalpoint.gt')).get(`/api/handovers/${sent.body.id}`);
    expect(other.status).toBe(404);
  });
});
