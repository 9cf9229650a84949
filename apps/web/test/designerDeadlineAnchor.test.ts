// The designer chooses what a step's deadline counts from: "entering this step", or a date-time
// field of a form recorded on every way to the step (the detection, for the 24-hour alert).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { anchorFieldsBefore } from '@ruta/protocol';
import { StatePanel } from '../src/designer/components/StatePanel.js';
import { registerDesignerTexts } from '../src/designer/i18n/registerDesignerTexts.js';
import { shipped } from './designerShipped.js';

const i18n = registerDesignerTexts();
const child = shipped('child-repatriation@1');
const ALERT = 'identification.protection.alert.pending';

const panel = (path: string, lang: 'es' | 'en') =>
  renderToStaticMarkup(
    createElement(StatePanel, { doc: child, path, lang, apply: () => undefined, select: () => undefined }),
  );

describe('what a deadline counts from, in the designer', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('es');
  });

  it('offers the date-time fields of the forms recorded on every way to the step', () => {
    const fields = anchorFieldsBefore(child, ALERT);
    expect(fields).toContain('cr-detection.detectedAt');
    // Recorded when the alert is sent, or elsewhere later: not before the alert's deadline starts.
    expect(fields).not.toContain('cr-alert.sentAt');
    expect(fields).not.toContain('cr-arrival.arrivedAt');
    expect(anchorFieldsBefore(child, 'identification.detection')).toEqual([]);
  });

  it('shows the shipped alert counting from the detection, labelled in Spanish and English', async () => {
    const es = panel(ALERT, 'es');
    expect(es).toContain('El plazo cuenta desde');
    expect(es).toContain('La entrada en esta etapa');
    expect(es).toMatch(
      /<option value="cr-detection.detectedAt" selected="">[^<]*\(cr-detection.detectedAt\)<\/option>/,
    );
    expect(es).not.toContain('cr-alert.sentAt');
    await i18n.changeLanguage('en');
    const en = panel(ALERT, 'en');
    expect(en).toContain('The deadline counts from');
    expect(en).toContain('Entering this step');
    expect(en).toContain('Date and time of detection (cr-detection.detectedAt)');
    await i18n.changeLanguage('es');
  });

  it('asks nothing of a step without a deadline', () => {
    expect(panel('identification.detection', 'es')).not.toContain('state-deadline-from');
  });
});
