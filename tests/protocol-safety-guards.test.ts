/**
 * The safety rules of the shipped protocols, driven through the real engine: each unsafe path an
 * audit against the seeds found (a child returned while fearing persecution, to an involved family,
 * on a presumed nationality; a third country the best interest did not recommend; a Mexican child who
 * fears return sent on towards return; a withheld consular notification by a case worker; a case
 * closed while the victim is threatened; an adult returned at high risk with no supervisor, or with
 * children who had no best-interest determination) is refused with a reason naming the guard or the
 * role, and the safe path next to it is still taken.
 */
import {
  compileProtocol,
  openCase,
  step,
  type Actor,
  type CaseState,
  type CompiledProtocol,
  type Rejection,
} from '@ruta/engine';
import { findFormField, type Country, type ResolvedProtocol, type Role } from '@ruta/protocol';
import { describe, expect, it } from 'vitest';
import { shippedProtocols } from './support/shippedProtocols.js';

const { protocols } = shippedProtocols();
const shipped = (ref: string): ResolvedProtocol => {
  const found = protocols.find((p) => p.ref === ref);
  if (!found) throw new Error(`${ref} is not shipped`);
  return found.protocol;
};

type Data = Record<string, unknown>;

/** A case of one protocol, stepped by actors of the given roles with the forms' own examples. */
class Driver {
  readonly compiled: CompiledProtocol;
  case: CaseState;
  private ms = Date.parse('2026-12-01T08:00:00Z');
  private n = 0;

  constructor(
    readonly protocol: ResolvedProtocol,
    readonly country: Country,
  ) {
    this.compiled = compileProtocol(protocol);
    this.case = openCase(
      this.compiled,
      { id: 'c1', country, actor: this.actor('caseworker') },
      this.deps(),
    ).case;
  }

  /** Example `index` of a form, with some fields replaced. */
  example(form: string, overrides: Data = {}, index = 0): Data {
    const examples = this.protocol.forms[form]?.examples ?? [];
    const base = examples[index] as Data | undefined;
    if (!base) throw new Error(`form ${form} has no example ${index}`);
    const out: Data = { ...base, ...overrides };
    for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete out[k];
    return out;
  }

  /** Sends an event; returns the reasons it was refused (none when it was taken). */
  try(event: string, role: Role, data?: Data): Rejection[] {
    const command =
      data === undefined ? { event, actor: this.actor(role) } : { event, data, actor: this.actor(role) };
    const result = step(this.compiled, this.case, command, this.deps());
    if (!result.ok) return result.reasons;
    this.case = result.case;
    return [];
  }

  /** Sends an event that must be taken. */
  ok(event: string, role: Role, data?: Data): this {
    expect(this.try(event, role, data), `${event} as ${role}`).toEqual([]);
    return this;
  }

  private actor(role: Role): Actor {
    return { userId: `u-${role}`, role, country: this.country };
  }

  private deps() {
    return { clock: () => new Date((this.ms += 60_000)).toISOString(), ids: () => `e${++this.n}` };
  }
}

const guardsRefusing = (reasons: Rejection[]): string[] =>
  reasons.flatMap((r) => (r.code === 'guard-failed' ? [r.guard] : []));

interface ChildCase {
  alert?: Data;
  consular?: Data;
  consularRole?: Role;
  verification?: Data;
  familyAssessment?: Data;
  bestInterest?: Data;
  risk?: Data;
}

/** A regional child-repatriation case up to the decision, with the safe examples unless told otherwise. */
function childCaseAtDecision(ref = 'child-repatriation@1', o: ChildCase = {}): Driver {
  const d = new Driver(shipped(ref), 'MX');
  d.ok('DETECT', 'caseworker')
    .ok('SCREENED', 'caseworker', d.example('cr-detection'))
    .ok('SHELTER_AND_HEALTH_RECORDED', 'caseworker', d.example('cr-shelter-health'))
    .ok('ALERT_SENT', o.alert?.outcome === 'withheld-protection-need' ? 'supervisor' : 'focalpoint', {
      ...d.example('cr-alert'),
      ...o.alert,
    })
    .ok('CONSULATE_NOTIFIED', o.consularRole ?? 'caseworker', o.consular ?? d.example('cr-consular'))
    .ok('VERIFIED', 'caseworker', d.example('cr-verification', o.verification));
  if (ref === 'child-repatriation-mx@1')
    d.ok('PROTECTION_NEEDS_SCREENED', 'caseworker', d.example('cr-mx-international-protection'));
  d.ok('TRACING_DONE', 'caseworker', d.example('cr-family-tracing'))
    .ok('FAMILY_ASSESSED', 'caseworker', d.example('cr-family-assessment', o.familyAssessment))
    .ok('BEST_INTEREST_DETERMINED', 'supervisor', d.example('cr-best-interest', o.bestInterest))
    .ok('RISK_ASSESSED', 'caseworker', d.example('cr-risk-assessment', o.risk));
  expect(d.case.value).toEqual({ solution: 'decision' });
  return d;
}

const withheldAlert = {
  outcome: 'withheld-protection-need',
  justification: 'Teme persecución de una pandilla en su país.',
  refugeeAuthorityReferral: true,
  sentAt: undefined,
  recipient: undefined,
  reference: undefined,
  sharedData: undefined,
};
const withheldConsular = {
  outcome: 'withheld-protection-need',
  childInformedOfConsularRights: true,
  justification: 'Pidió no contactar a su consulado por temor a persecución.',
};
const familyInvolved = {
  assessedBy: 'not-possible',
  protectiveCapacity: 'not-assessed',
  riskFactors: ['family-involved'],
  assessmentDate: undefined,
  supportNeeded: undefined,
  summary: 'No se evaluó a la familia por su presunta participación en el reclutamiento.',
};
const returnDecision = (d: Driver, overrides: Data = {}) => d.example('cr-decision', overrides);

describe('child repatriation: a return needs more than a recommendation and a risk that is not high', () => {
  it('refuses the audited case: withheld alert and consular notice, involved family, presumed nationality, a child who disagrees', () => {
    const d = childCaseAtDecision('child-repatriation@1', {
      alert: withheldAlert,
      consular: withheldConsular,
      consularRole: 'supervisor',
      verification: { nationalityStatus: 'foreign-presumed' },
      familyAssessment: familyInvolved,
    });
    const reasons = d.try('DECIDE', 'supervisor', returnDecision(d, { childOpinion: 'disagrees' }));
    expect(guardsRefusing(reasons)).toContain('decideReturn');
    expect(d.case.value).toEqual({ solution: 'decision' });
    // Staying is still open to the same child.
    d.ok('DECIDE', 'supervisor', returnDecision(d, { ...d.example('cr-decision', {}, 3), decision: 'stay' }));
    expect(d.case.value).toEqual({ solution: { localIntegration: 'plan' } });
  });

  const single: [string, ChildCase, Data?][] = [
    ['an alert withheld for fear of persecution', { alert: withheldAlert }],
    [
      'a consular notification withheld for fear of persecution',
      { consular: withheldConsular, consularRole: 'supervisor' },
    ],
    ['a nationality only presumed', { verification: { nationalityStatus: 'foreign-presumed' } }],
    [
      'return to a family involved in the trafficking',
      { familyAssessment: { riskFactors: ['family-involved'] } },
    ],
    [
      'return to a family with traffickers in its community',
      { familyAssessment: { riskFactors: ['exploiters-in-community'] } },
    ],
    [
      'return to a family whose protective capacity is inadequate',
      { familyAssessment: { protectiveCapacity: 'inadequate' } },
    ],
    ['return to a family whose protective capacity was not assessed', { familyAssessment: familyInvolved }],
    [
      'a child who disagrees and was not heard in the determination',
      {
        bestInterest: {
          childHeard: false,
          childViews: undefined,
          reasonNotHeard: 'Se le entrevistará más adelante.',
        },
      },
      { childOpinion: 'disagrees', childOpinionWeighed: 'No se ponderó.' },
    ],
  ];
  for (const [what, o, decision] of single) {
    it(`refuses a return with ${what}, naming decideReturn`, () => {
      const d = childCaseAtDecision('child-repatriation@1', o);
      expect(guardsRefusing(d.try('DECIDE', 'supervisor', returnDecision(d, decision)))).toContain(
        'decideReturn',
      );
      expect(d.case.value).toEqual({ solution: 'decision' });
    });
  }

  it('returns a child when every condition holds, and the focal point coordinates', () => {
    const d = childCaseAtDecision();
    d.ok('DECIDE', 'supervisor', returnDecision(d));
    expect(d.case.value).toEqual({ solution: 'coordination' });
  });

  it('returns to alternative care a child whose family is involved, when the determination recommends it', () => {
    const d = childCaseAtDecision('child-repatriation@1', {
      familyAssessment: familyInvolved,
      bestInterest: { recommendation: 'return-to-alternative-care' },
    });
    d.ok('DECIDE', 'supervisor', returnDecision(d));
    expect(d.case.value).toEqual({ solution: 'coordination' });
  });

  it('takes a return the child disagrees with only after hearing the child and saying how their view was weighed', () => {
    const d = childCaseAtDecision();
    const reasons = d.try('DECIDE', 'supervisor', returnDecision(d, { childOpinion: 'disagrees' }));
    expect(reasons.map((r) => r.code)).toContain('form-invalid');
    d.ok(
      'DECIDE',
      'supervisor',
      returnDecision(d, {
        childOpinion: 'disagrees',
        childOpinionWeighed: 'Prefería quedarse; la abuela es protectora y se le explicó el plan.',
      }),
    );
    expect(d.case.value).toEqual({ solution: 'coordination' });
  });

  it('the guard tells the case worker every condition it checks, in both languages', () => {
    const g = shipped('child-repatriation@1').guards.decideReturn!;
    for (const word of [
      /nacionalidad está confirmada/,
      /persecución/,
      /familia no está involucrada/,
      /escuchado/,
    ])
      expect(g.description.es).toMatch(word);
    for (const word of [/nationality is confirmed/, /persecution/, /family is not involved/, /heard/])
      expect(g.description.en).toMatch(word);
  });

  for (const ref of ['child-repatriation-gt@1', 'child-repatriation-sv@1', 'child-repatriation-mx@1']) {
    it(`${ref} uses the same return and third-country guards`, () => {
      const regional = shipped('child-repatriation@1').guards;
      expect(shipped(ref).guards.decideReturn).toEqual(regional.decideReturn);
      expect(shipped(ref).guards.decideThirdCountry).toEqual(regional.decideThirdCountry);
    });
  }

  it('Guatemala: the recommendation of a return with an involved family never reaches the court', () => {
    const d = childCaseAtDecision('child-repatriation-gt@1', { familyAssessment: familyInvolved });
    expect(guardsRefusing(d.try('DECIDE', 'supervisor', returnDecision(d)))).toContain('decideReturn');
  });
});

describe('child repatriation: a third country only when the best interest recommends it', () => {
  const thirdCountry = (d: Driver) => d.example('cr-decision', {}, 2);

  it('refuses a third country when the determination said "stay", naming decideThirdCountry', () => {
    const d = childCaseAtDecision('child-repatriation@1', { bestInterest: { recommendation: 'stay' } });
    expect(guardsRefusing(d.try('DECIDE', 'supervisor', thirdCountry(d)))).toContain('decideThirdCountry');
    expect(d.case.value).toEqual({ solution: 'decision' });
  });

  it('takes a third country the determination recommends', () => {
    const d = childCaseAtDecision('child-repatriation@1', {
      bestInterest: { recommendation: 'third-country' },
    });
    d.ok('DECIDE', 'supervisor', thirdCountry(d));
    expect(d.case.value).toEqual({ solution: 'thirdCountryCoordination' });
  });
});

describe('child repatriation: the consular notification is withheld only by a supervisor', () => {
  const toConsular = () => {
    const d = new Driver(shipped('child-repatriation@1'), 'MX');
    d.ok('DETECT', 'caseworker').ok('SCREENED', 'caseworker', d.example('cr-detection'));
    return d;
  };

  for (const role of ['caseworker', 'focalpoint'] as const) {
    it(`refuses a ${role} who records it withheld, as the alert does`, () => {
      const d = toConsular();
      const reasons = d.try('CONSULATE_NOTIFIED', role, withheldConsular);
      expect(reasons).toEqual([
        expect.objectContaining({ code: 'role-not-allowed', allowed: ['supervisor'] }),
      ]);
    });
  }

  it('takes it from a supervisor, and a notification from a case worker', () => {
    const withheld = toConsular();
    withheld.ok('CONSULATE_NOTIFIED', 'supervisor', withheldConsular);
    const notified = toConsular();
    notified.ok('CONSULATE_NOTIFIED', 'caseworker', notified.example('cr-consular'));
    for (const d of [withheld, notified])
      expect(d.case.value).toMatchObject({
        identification: { protection: { consular: 'notified' } },
      });
  });
});

describe('child repatriation: the regional network is the Coalition of seed 004 §3.2', () => {
  const toAlert = (nationality: string) => {
    const d = new Driver(shipped('child-repatriation@1'), 'MX');
    d.ok('DETECT', 'caseworker').ok(
      'SCREENED',
      'caseworker',
      d.example('cr-detection', { declaredNationality: nationality }),
    );
    return d;
  };

  for (const nationality of ['US', 'CA']) {
    it(`does not count an alert "through the network" for a child from ${nationality}`, () => {
      const d = toAlert(nationality);
      expect(guardsRefusing(d.try('ALERT_SENT', 'focalpoint', d.example('cr-alert')))).toContain(
        'alertViaNetwork',
      );
      d.ok('ALERT_SENT', 'focalpoint', d.example('cr-alert', {}, 1));
    });
  }

  it('takes the network alert for a child from a Coalition country', () => {
    const d = toAlert('DO');
    d.ok('ALERT_SENT', 'focalpoint', d.example('cr-alert'));
  });
});

describe('Mexico: a child who fears going back stays under protection until COMAR decides', () => {
  const protectAndVerify = (d: Driver) =>
    d
      .ok('DETECT', 'caseworker')
      .ok('SCREENED', 'caseworker', d.example('cr-detection'))
      .ok('SHELTER_AND_HEALTH_RECORDED', 'caseworker', d.example('cr-shelter-health'))
      .ok('ALERT_SENT', 'focalpoint', d.example('cr-alert'))
      .ok('CONSULATE_NOTIFIED', 'caseworker', d.example('cr-consular'))
      .ok('VERIFIED', 'caseworker', d.example('cr-verification'));
  const screened = (screening: Data) => {
    const d = new Driver(shipped('child-repatriation-mx@1'), 'MX');
    protectAndVerify(d).ok('PROTECTION_NEEDS_SCREENED', 'caseworker', screening);
    return d;
  };
  const fearNoClaim = {
    fearOfReturn: true,
    grounds: ['traffickers'],
    comarInformed: true,
    asylumClaimFiled: false,
    screenedOn: '2026-03-12',
  };

  it('keeps a child who fears return but has filed no claim away from the return path', () => {
    const d = screened(fearNoClaim);
    expect(d.case.value).toMatchObject({ solution: 'asylumProtection' });
    // Neither the best-interest steps nor a decision can be reached from here.
    expect(d.try('TRACING_DONE', 'caseworker', d.example('cr-family-tracing')).map((r) => r.code)).toContain(
      'event-not-available',
    );
    // An objection is recorded, and the child stays under protection.
    d.ok('WITHDRAW_CONSENT', 'caseworker', d.example('cr-objection'));
    expect(d.case.value).toMatchObject({ solution: 'asylumProtection' });
  });

  it('requires COMAR to be informed when the child fears return', () => {
    const d = new Driver(shipped('child-repatriation-mx@1'), 'MX');
    protectAndVerify(d);
    const reasons = d.try('PROTECTION_NEEDS_SCREENED', 'caseworker', {
      ...fearNoClaim,
      comarInformed: false,
    });
    expect(reasons.map((r) => r.code)).toContain('form-invalid');
  });

  it('recognition keeps the child in Mexico; a denial leads to the best-interest determination', () => {
    const recognised = screened(fearNoClaim);
    recognised.ok('COMAR_DECIDED', 'caseworker', recognised.example('cr-mx-comar-decision'));
    expect(recognised.case.value).toEqual({ solution: { localIntegration: 'plan' } });
    const denied = screened(fearNoClaim);
    denied.ok('COMAR_DECIDED', 'caseworker', denied.example('cr-mx-comar-decision', {}, 1));
    expect(denied.case.value).toEqual({ solution: { bestInterest: 'familyTracing' } });
  });

  it('sends a child with no fear and no claim on to the best-interest determination', () => {
    const d = screened({
      fearOfReturn: false,
      grounds: [],
      asylumClaimFiled: false,
      screenedOn: '2026-03-12',
    });
    expect(d.case.value).toEqual({ solution: { bestInterest: 'familyTracing' } });
  });
});

describe('follow-up: no closure while the victim is in contact with the exploiters or threatened', () => {
  const childFollowUp = () => {
    const d = new Driver(shipped('child-repatriation@1'), 'GT');
    d.ok('RECEIVE_HANDOVER', 'focalpoint', d.example('cr-handover-receipt'))
      .ok('ARRIVED', 'focalpoint', d.example('cr-arrival'))
      .ok('RECEPTION_RECORDED', 'focalpoint', d.example('cr-reception'))
      .ok('REINTEGRATION_PLAN_APPROVED', 'supervisor', d.example('cr-reintegration'));
    expect(d.case.value).toEqual({ followUp: 'visit' });
    return d;
  };
  const adultFollowUp = () => {
    const d = new Driver(shipped('voluntary-return@1'), 'SV');
    d.ok('RECEIVE_HANDOVER', 'focalpoint', d.example('vr-handover-receipt'))
      .ok('ARRIVED', 'focalpoint', d.example('vr-arrival'))
      .ok('RECEPTION_RECORDED', 'focalpoint', d.example('vr-reception'))
      .ok('PLAN_AGREED', 'caseworker', d.example('vr-reintegration'));
    expect(d.case.value).toEqual({ followUp: 'visit' });
    return d;
  };
  const closeVisit = (d: Driver, form: string, signs: string[]) =>
    d.example(form, { warningSigns: signs }, 1);

  for (const sign of ['contact-with-exploiters', 'new-threats', 'violence-at-home', 'ran-away']) {
    it(`child: refuses closure with "${sign}", naming followUpComplete, and follow-up goes on`, () => {
      const d = childFollowUp();
      expect(
        guardsRefusing(d.try('VISIT_RECORDED', 'caseworker', closeVisit(d, 'cr-follow-up', [sign]))),
      ).toContain('followUpComplete');
      d.ok('VISIT_RECORDED', 'caseworker', d.example('cr-follow-up', { warningSigns: [sign] }, 0));
      expect(d.case.value).toEqual({ followUp: 'visit' });
    });
  }

  it('child: puts the case forward for closure when no such sign is recorded', () => {
    const d = childFollowUp();
    d.ok('VISIT_RECORDED', 'caseworker', closeVisit(d, 'cr-follow-up', ['left-school']));
    expect(d.case.value).toEqual({ followUp: 'closing' });
  });

  for (const sign of ['contact-with-exploiters', 'new-threats']) {
    it(`adult: refuses closure with "${sign}", naming followUpComplete, even if the person wants no more follow-up`, () => {
      const d = adultFollowUp();
      const close = { ...closeVisit(d, 'vr-follow-up', [sign]), wishesToContinue: false };
      expect(guardsRefusing(d.try('VISIT_RECORDED', 'caseworker', close))).toContain('followUpComplete');
      d.ok('VISIT_RECORDED', 'caseworker', { ...close, recommendation: 'continue' });
      expect(d.case.value).toEqual({ followUp: 'visit' });
    });
  }

  it('adult: closure is proposed when no such sign is recorded, and is the only choice if the person wants no more follow-up', () => {
    const d = adultFollowUp();
    const declined = { ...closeVisit(d, 'vr-follow-up', ['no-income']), wishesToContinue: false };
    expect(
      d.try('VISIT_RECORDED', 'caseworker', { ...declined, recommendation: 'continue' }).map((r) => r.code),
    ).toContain('form-invalid');
    d.ok('VISIT_RECORDED', 'caseworker', declined);
    expect(d.case.value).toEqual({ followUp: 'closing' });
  });

  for (const ref of ['child-repatriation-gt@1', 'child-repatriation-sv@1', 'child-repatriation-mx@1']) {
    it(`${ref} closes follow-up with the same guard`, () => {
      expect(shipped(ref).guards.followUpComplete).toEqual(
        shipped('child-repatriation@1').guards.followUpComplete,
      );
    });
  }
});

describe('voluntary return: informed consent, a supervisor at high risk, and the children travelling', () => {
  /** A case at the risk assessment; `referral` overrides the referral example. */
  const atRiskAssessment = (referral: Data = {}) => {
    const d = new Driver(shipped('voluntary-return@1'), 'GT');
    d.ok('REFER', 'caseworker', d.example('vr-referral', referral))
      .ok('REQUEST_RETURN', 'caseworker', d.example('vr-protection'))
      .ok('CONSENT_RECORDED', 'caseworker', d.example('vr-consent'));
    expect(d.case.value).toEqual({ preparation: 'riskAssessment' });
    return d;
  };
  const highRisk = (d: Driver) => d.example('vr-risk-assessment', {}, 2);

  it('refuses to go on unless the person re-confirms consent after learning the assessment, naming returnConfirmedAfterRisk', () => {
    const d = atRiskAssessment();
    const reasons = d.try(
      'RISK_ASSESSED',
      'caseworker',
      d.example('vr-risk-assessment', { consentReconfirmed: false }),
    );
    expect(guardsRefusing(reasons)).toContain('returnConfirmedAfterRisk');
    d.ok('RISK_ASSESSED', 'caseworker', d.example('vr-risk-assessment'));
    expect(d.case.value).toEqual({ preparation: 'travelDocuments' });
  });

  it('sends a high risk to a supervisor, never straight to the travel documents', () => {
    const d = atRiskAssessment();
    d.ok('RISK_ASSESSED', 'caseworker', highRisk(d));
    expect(d.case.value).toEqual({ preparation: 'highRiskReview' });
    const review = d.example('vr-high-risk-review');
    expect(d.try('HIGH_RISK_REVIEWED', 'caseworker', review)).toEqual([
      expect.objectContaining({ code: 'role-not-allowed', allowed: ['supervisor'] }),
    ]);
    d.ok('HIGH_RISK_REVIEWED', 'supervisor', review);
    expect(d.case.value).toEqual({ preparation: 'travelDocuments' });
  });

  it('keeps under protection a person the screening finds may need international protection', () => {
    const d = atRiskAssessment();
    d.ok('RISK_ASSESSED', 'caseworker', highRisk(d));
    const protectionNeed = d.example('vr-high-risk-review', {}, 1);
    // A return cannot be authorised with a protection need: the form refuses it.
    expect(
      d
        .try('HIGH_RISK_REVIEWED', 'supervisor', {
          ...protectionNeed,
          supervisorDecision: 'return-with-safeguards',
          safeguards: 'x',
        })
        .map((r) => r.code),
    ).toContain('form-invalid');
    d.ok('HIGH_RISK_REVIEWED', 'supervisor', protectionNeed);
    expect(d.case.value).toEqual({ preparation: 'protection' });
  });

  it('refuses travel for a person with a child who has no best-interest determination, naming childrenMayTravel', () => {
    const d = atRiskAssessment({ dependantsTravelling: 1 });
    d.ok('RISK_ASSESSED', 'caseworker', d.example('vr-risk-assessment'));
    const noDetermination = d.example('vr-travel-documents', { childrenBestInterest: [] });
    expect(guardsRefusing(d.try('DOCUMENTS_READY', 'caseworker', noDetermination))).toContain(
      'childrenMayTravel',
    );
    const missing = d.example('vr-travel-documents', { childrenBestInterest: undefined });
    expect(guardsRefusing(d.try('DOCUMENTS_READY', 'caseworker', missing))).toContain('childrenMayTravel');
    expect(d.case.value).toEqual({ preparation: 'travelDocuments' });
    d.ok('DOCUMENTS_READY', 'caseworker', d.example('vr-travel-documents', {}, 1));
    expect(d.case.value).toEqual({ preparation: 'coordination' });
  });

  it('counts one determination per child travelling', () => {
    const d = atRiskAssessment({ dependantsTravelling: 2 });
    d.ok('RISK_ASSESSED', 'caseworker', d.example('vr-risk-assessment'));
    expect(
      guardsRefusing(d.try('DOCUMENTS_READY', 'caseworker', d.example('vr-travel-documents', {}, 1))),
    ).toContain('childrenMayTravel');
  });

  it('sends the case back to protection when a child’s determination advises against travel', () => {
    const d = atRiskAssessment({ dependantsTravelling: 1 });
    d.ok('RISK_ASSESSED', 'caseworker', d.example('vr-risk-assessment'));
    d.ok('DOCUMENTS_READY', 'caseworker', d.example('vr-travel-documents', {}, 2));
    expect(d.case.value).toEqual({ preparation: 'protection' });
  });

  it('lets a person travelling alone go on with no determination', () => {
    const d = atRiskAssessment();
    d.ok('RISK_ASSESSED', 'caseworker', d.example('vr-risk-assessment'));
    d.ok('DOCUMENTS_READY', 'caseworker', d.example('vr-travel-documents'));
    expect(d.case.value).toEqual({ preparation: 'coordination' });
  });
});

describe('sensitive texts are reserved in every protocol that has them', () => {
  const SENSITIVE: [string, string][] = [
    ['cr-detection', 'detectionPlace'],
    ['va-detection', 'detectionPlace'],
    ['va-non-criminalisation', 'outcome'],
    ['cr-reintegration', 'legalProceedings'],
    ['vr-reintegration', 'legalProceedings'],
    ['cr-decision', 'reasoning'],
    ['cr-decision', 'childOpinionWeighed'],
    ['mr-decision', 'reasoning'],
    ['mr-appeal', 'grounds'],
    ['mr-renewal', 'reasoning'],
    ['cr-travel', 'incidents'],
    ['cr-closure', 'summary'],
    ['vr-closure', 'summary'],
    ['va-closure', 'summary'],
    ['mr-closure', 'summary'],
    ['va-identity-protection', 'orderReference'],
    ['va-testimony', 'proceedingsReference'],
  ];
  it('marks each of them x-sensitive and none x-shareable', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const { ref, protocol } of protocols) {
      for (const [form, field] of SENSITIVE) {
        const def = protocol.forms[form];
        if (!def) continue;
        seen++;
        const schema = findFormField(def, field);
        if (schema?.sensitive !== true) wrong.push(`${ref} ${form}.${field} is not sensitive`);
        if (schema?.shareable === true) wrong.push(`${ref} ${form}.${field} would cross a border`);
      }
    }
    expect(wrong).toEqual([]);
    expect(seen).toBeGreaterThanOrEqual(SENSITIVE.length);
  });
});
