/**
 * Confidentiality in the shipped forms (seed 002 #31, seed 004 §F.2): what identifies a victim
 * or tells their story is hidden until revealed with a reason, and never crosses a border; a
 * child's handover packet carries what the origin country needs to protect the child, and only
 * that.
 */
import { listFormFields, projectShareable, type FormDefinition } from '@ruta/protocol';
import { describe, expect, it } from 'vitest';
import { shippedProtocols } from './support/shippedProtocols.js';

const { protocols } = shippedProtocols();

/** Every form of every shipped protocol and variant (a variant may add or replace forms), by id and protocol. */
const forms: { ref: string; form: FormDefinition }[] = protocols.flatMap(({ ref, protocol }) =>
  Object.values(protocol.forms).map((form) => ({ ref, form })),
);

/** Field names the shipped forms use for identity, whereabouts, health and the victim's own account. */
const IDENTIFYING_OR_INTIMATE = [
  'childName',
  'name',
  'fullName',
  'dateOfBirth',
  'identityDocument',
  'documentNumber',
  'curp',
  'address',
  'familyContacts',
  'reunificationWith',
  'dependantsDetails',
  'placementName',
  'placementDetails',
  'careDetails',
  'accommodationDetails',
  'shelterDetails',
  'healthNeeds',
  'healthNotes',
  'healthDetails',
  'psychologicalDetails',
  'childViews',
  'reasons',
  'wishes',
  'wishInOwnWords',
  'situation',
  'observations',
  'notes',
  'conditionAtDeparture',
  'conditionAtArrival',
  'caseNumber',
  'planSummary',
];

/**
 * The one field both sensitive and shareable: the health needs the receiving country must know
 * on arrival (medication under way). Anything else sensitive stays in the country that holds it.
 */
const SENSITIVE_BUT_NEEDED_ON_ARRIVAL = ['careNeedsAtReception'];

describe('confidentiality of the shipped forms', () => {
  it('fields that identify a victim or tell their story are marked sensitive, in every form that has them', () => {
    const exposed = forms.flatMap(({ ref, form }) =>
      listFormFields(form)
        .filter((f) => IDENTIFYING_OR_INTIMATE.includes(f.key) && !f.sensitive)
        .map((f) => `${ref} ${form.id}.${f.path}`),
    );
    expect(exposed).toEqual([]);
    // The list is not idle: the shipped forms use most of these names.
    const used = new Set(forms.flatMap(({ form }) => listFormFields(form).map((f) => f.key)));
    expect(IDENTIFYING_OR_INTIMATE.filter((k) => used.has(k)).length).toBeGreaterThan(25);
  });

  it('nothing sensitive crosses a border, except the care needs a child has on arrival', () => {
    const crossing = forms.flatMap(({ ref, form }) =>
      listFormFields(form)
        .filter((f) => f.sensitive && f.shareable && !SENSITIVE_BUT_NEEDED_ON_ARRIVAL.includes(f.key))
        .map((f) => `${ref} ${form.id}.${f.path}`),
    );
    expect(crossing).toEqual([]);
  });

  it("a child's handover packet carries nationality, age group, best-interest summary, risk level and escort needs, and no testimony or identity", () => {
    const child = protocols.find((p) => p.ref === 'child-repatriation@1')!.protocol;
    // What the sending country recorded on the way to a return, projected as a handover packet.
    const sent = [
      'cr-detection',
      'cr-shelter-health',
      'cr-verification',
      'cr-family-tracing',
      'cr-family-assessment',
      'cr-best-interest',
      'cr-risk-assessment',
      'cr-decision',
      'cr-coordination',
    ];
    const packet: Record<string, Record<string, unknown>> = {};
    for (const id of sent) {
      const form = child.forms[id]!;
      const shared = projectShareable(form, form.examples![0]);
      if (Object.keys(shared).length > 0) packet[id] = shared;
    }
    const keys = Object.values(packet).flatMap((p) => Object.keys(p));
    expect(keys).toEqual(
      expect.arrayContaining([
        'declaredNationality',
        'nationality',
        'ageGroup',
        'sex',
        'exploitationType',
        'recommendation',
        'bestInterestSummary',
        'riskLevel',
        'escortNeeds',
      ]),
    );
    for (const key of keys) expect(IDENTIFYING_OR_INTIMATE).not.toContain(key);
    expect(JSON.stringify(packet)).not.toContain(
      String(child.forms['cr-verification']!.examples![0]!.fullName),
    );
    expect(JSON.stringify(packet)).not.toContain(
      String(child.forms['cr-best-interest']!.examples![0]!.childViews),
    );

    // The origin country's liaison can record each of these on receipt.
    const receipt = listFormFields(child.forms['cr-handover-receipt']!).map((f) => f.key);
    expect(receipt).toEqual(
      expect.arrayContaining([
        'nationality',
        'ageGroup',
        'sex',
        'exploitationType',
        'bestInterestSummary',
        'riskLevel',
        'escortNeeds',
      ]),
    );
  });
});
