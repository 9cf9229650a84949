// A pending handover's packet rewritten in the database together with its SHA-256: the hash holds,
// but the packet is no longer the one the sending case's sealed history builds at the event it
// came from. The receiving focal point sees it withheld, with no accept; the auditors of both
// countries see it under Integridad, naming the event and the field, in their language; a
// handover stored before the event was recorded with it is said apart. In the real app (FerretDB,
// the server, the built app, Debian's chromium). Screenshots go to test-artifacts/packet-seal/.
import { createHash } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { apiAs, caseReadyForHandover } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { checkIntegrityNow } from './helpers/integrityPage.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('packet-seal');

type StoredHandover = { _id: string; packet: string; packetHash: string; caseSeq?: number | null };

/** A Guatemalan case at the coordination handed over to Mexico with `note`; the handover's id. */
async function handOver(note: string): Promise<string> {
  const sender = await apiAs(suite.stack.url, 'caseworker.gt');
  const caseId = await caseReadyForHandover(suite.stack.url, 'caseworker.gt');
  const sent = await sender.post<{ id: string }>(`/api/cases/${caseId}/handovers`, { toCountry: 'MX', note });
  expect(sent.status).toBe(201);
  return sent.body.id;
}

/** Rewrites the child's sex in the stored packet and stores its matching SHA-256; `unset` drops the seq. */
async function rewrite(id: string, unset = false): Promise<{ seq: number | null; form: string }> {
  const client = await MongoClient.connect(suite.stack.database.uri);
  try {
    const handovers = client.db(suite.stack.database.name).collection<StoredHandover>('handovers');
    const doc = (await handovers.findOne({ _id: id }))!;
    const packet = doc.packet.replace(/"sex":"([a-z]+)"/, (_m, v: string) =>
      v === 'female' ? '"sex":"male"' : '"sex":"female"',
    );
    expect(packet).not.toBe(doc.packet);
    const packetHash = createHash('sha256').update(packet).digest('hex');
    await handovers.updateOne(
      { _id: id },
      unset
        ? { $set: { packet, packetHash }, $unset: { caseSeq: '', caseHead: '' } }
        : { $set: { packet, packetHash } },
    );
    const data = (JSON.parse(packet) as { data: Record<string, Record<string, unknown>> }).data;
    return { seq: doc.caseSeq ?? null, form: Object.keys(data).find((f) => 'sex' in data[f]!)! };
  } finally {
    await client.close();
  }
}

describe('a pending handover whose packet and hash were rewritten together', () => {
  it('is withheld from the focal point and listed under Integridad to both countries, with the event and the field', async () => {
    const { stack, browser, screenshot } = suite;
    await handOver('Traspaso intacto.');
    const rewritten = await handOver('Traspaso reescrito.');
    const old = await handOver('Traspaso antiguo.');
    const { seq, form } = await rewrite(rewritten);
    expect(seq).not.toBeNull();
    await rewrite(old, true);

    const focal = await loginAs(browser, stack.url, 'focalpoint.mx');
    await focal.page.goto(`${stack.url}/handovers`);
    const sound = focal.page.locator('.handover-card', { hasText: 'Traspaso intacto.' });
    const bad = focal.page.locator('.handover-card', { hasText: 'Traspaso reescrito.' });
    await bad.waitFor();
    await sound.waitFor();
    expect(await sound.locator('.packet-damaged').count()).toBe(0);
    expect(await bad.locator('.packet-damaged').innerText()).toContain(
      'ya no es el que arma el historial sellado del caso que lo envió',
    );
    expect(await bad.getByRole('button', { name: 'Aceptar y abrir caso' }).count()).toBe(0);
    expect(await bad.getByRole('button', { name: 'Rechazar', exact: true }).count()).toBe(1);
    await suite.screenshot(focal.page, 'focal-point-withheld');
    await focal.context.close();

    const { page, context } = await loginAs(browser, stack.url, 'auditor.gt');
    const packets = 'Paquetes de traspaso: 3 comprobados; dañados: 1.';
    await checkIntegrityNow(page, stack.url, packets);
    expect(await page.getByTestId('integrity-packets-unsealed').innerText()).toBe(
      '1 de ellos se guardó antes de que cada traspaso anotara el evento del caso del que salió: se comprobó frente a su hash, no frente al historial del caso.',
    );
    const row = page.locator('table.integrity-packets tbody tr', { hasText: rewritten });
    await row.waitFor();
    expect(await row.innerText()).toContain(
      `el paquete y su hash fueron reescritos: ya no es el que arma el historial del caso que lo envió en el evento ${seq}, en ${form}.sex`,
    );
    expect(await page.locator('table.integrity-packets tbody tr').count()).toBe(1);
    // The server's own first sweep may start meanwhile: the picture shows a finished check.
    await expect
      .poll(() =>
        page
          .getByTestId('integrity-packets-count')
          .innerText()
          .catch(() => ''),
      )
      .toBe(packets);
    await screenshot(page, 'integrity-differs-from-history');
    await context.close();

    const mx = await loginAs(browser, stack.url, 'auditor.mx', 'en-US');
    await mx.page.setViewportSize({ width: 1280, height: 900 });
    await mx.page.goto(`${stack.url}/integrity`);
    const theirs = mx.page.locator('table.integrity-packets tbody tr', { hasText: rewritten });
    await theirs.waitFor();
    expect(await theirs.innerText()).toContain(
      `it is no longer the one the history of the sending case builds at event ${seq}, in ${form}.sex`,
    );
    expect(await mx.page.getByTestId('integrity-packets-unsealed').innerText()).toContain(
      '1 of them was stored before each handover recorded the case event it came from',
    );
    await mx.page.getByRole('heading', { name: 'Handover packets' }).scrollIntoViewIfNeeded();
    await screenshot(mx.page, 'integrity-differs-from-history-en');
    await mx.context.close();
  }, 240_000);
});
