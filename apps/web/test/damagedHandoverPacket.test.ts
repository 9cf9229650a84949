// A handover whose stored packet was altered in the database (its text garbled by hand) does not
// take the focal point's list down: it is shown beside the others, its data withheld and the
// damage said in the page's language, with decline but no accept. In the real app (FerretDB, the
// server, the built app, Debian's chromium). Screenshots go to test-artifacts/damaged-packet/.
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { apiAs, caseReadyForHandover } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('damaged-packet');
const NAME = 'Maria Secreta Ejemplo';

/** A Guatemalan case at the coordination between liaisons handed over to Mexico with `note`; the handover's id. */
async function handOver(note: string): Promise<string> {
  const sender = await apiAs(suite.stack.url, 'caseworker.gt');
  const caseId = await caseReadyForHandover(suite.stack.url, 'caseworker.gt');
  const sent = await sender.post<{ id: string }>(`/api/cases/${caseId}/handovers`, {
    toCountry: 'MX',
    note,
  });
  expect(sent.status).toBe(201);
  return sent.body.id;
}

describe('a handover whose packet was garbled in the database', () => {
  it('is shown beside the sound one, its data withheld, to be declined but not accepted', async () => {
    await handOver('Traspaso en buen estado.');
    const damaged = await handOver('Traspaso dañado.');
    const client = await MongoClient.connect(suite.stack.database.uri);
    try {
      const handovers = client
        .db(suite.stack.database.name)
        .collection<{ _id: string; packet: string }>('handovers');
      const doc = (await handovers.findOne({ _id: damaged }))!;
      // A name typed in by hand, the closing quote and braces lost: no longer JSON.
      const garbled = `${doc.packet.slice(0, -2)},"childName":"${NAME}`;
      await handovers.updateOne({ _id: damaged }, { $set: { packet: garbled } });
    } finally {
      await client.close();
    }

    const { page, context } = await loginAs(suite.browser, suite.stack.url, 'focalpoint.mx');
    await page.goto(`${suite.stack.url}/handovers`);
    const sound = page.locator('.handover-card', { hasText: 'Traspaso en buen estado.' });
    const bad = page.locator('.handover-card', { hasText: 'Traspaso dañado.' });
    await bad.waitFor();
    await sound.waitFor();
    expect(await sound.getByRole('button', { name: 'Aceptar y abrir caso' }).count()).toBe(1);
    expect(await sound.locator('.packet-damaged').count()).toBe(0);

    const notice = bad.locator('.packet-damaged');
    expect(await notice.innerText()).toContain('Paquete dañado');
    expect(await notice.innerText()).toContain('ya no se puede leer');
    expect(await bad.getByRole('button', { name: 'Aceptar y abrir caso' }).count()).toBe(0);
    expect(await bad.getByText('Protocolo', { exact: true }).count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('Maria');
    await suite.screenshot(page, 'damaged-beside-sound');

    await bad.getByRole('button', { name: 'Rechazar', exact: true }).click();
    await bad.getByLabel('Motivo del rechazo').fill('El paquete llegó dañado');
    await bad.getByRole('button', { name: 'Rechazar traspaso' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Traspaso rechazado.');
    // Only pending handovers are listed: the declined one is gone, the sound one stays.
    await expect.poll(() => bad.count()).toBe(0);
    expect(await sound.count()).toBe(1);
    await context.close();

    // The sending country sees it too, in English, with the damage said.
    const gt = await loginAs(suite.browser, suite.stack.url, 'caseworker.gt', 'en-US');
    await gt.page.goto(`${suite.stack.url}/handovers`);
    await gt.page.locator('#h-status').selectOption('');
    const sent = gt.page.locator('.handover-card', { hasText: 'Traspaso dañado.' });
    await sent.waitFor();
    const text = await sent.locator('.packet-damaged').innerText();
    expect(text).toContain('Damaged packet');
    expect(text).toContain('can no longer be read');
    expect(await sent.innerText()).toContain('Declined');
    expect(await gt.page.locator('body').innerText()).not.toContain('Maria');
    await suite.screenshot(gt.page, 'sender-sees-declined');
    await gt.context.close();
  });
});
