import { readFileSync } from 'node:fs';
import { launchChromium } from '../test/helpers/chromium.ts';
import { serveStatic } from '../test/helpers/staticServer.ts';
const index = JSON.parse(readFileSync('/work/main/storybook-static/index.json', 'utf8'));
const ids = Object.keys(index.entries).filter(
  (k) => k.startsWith('designer-') && (process.argv[2] ? k.includes(process.argv[2]) : true),
);
const server = await serveStatic('/work/main/storybook-static');
const { browser, close } = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
for (const id of ids) {
  const errors: string[] = [];
  page.removeAllListeners('console');
  page.removeAllListeners('pageerror');
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text().slice(0, 300)}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`${server.url}/iframe.html?id=${id}&viewMode=story`);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/work/main/test-artifacts/designer/${id}.png`, fullPage: true });
  console.log(id, errors.length ? errors.join('\n   ') : 'ok');
}
await close();
await server.close();
