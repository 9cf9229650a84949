import { afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../bin/ruta.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real command, as a user would: `node packages/cli/bin/ruta.js ...args` in `cwd`. The
 * locale is English unless `env` says otherwise (LANG and LC_ALL choose the language), so a test
 * reads the same on a machine set up in Spanish.
 */
export function ruta(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const t = (en: string, es = `${en} (es)`) => ({ es, en });
const legal = [{ seed: '000', clause: '12' }];
const meta = (title: string, extra: Record<string, unknown> = {}) => ({ title: t(title), legal, ...extra });

/** A small, correct voluntary-return protocol as a file in workflows/ (forms referenced by id). */
export interface ProtocolFixture {
  [key: string]: unknown;
  events: Record<string, unknown>;
  machine: { [key: string]: unknown; states: Record<string, Record<string, unknown>> };
}

export function protocolFile(): ProtocolFixture {
  return {
    kind: 'protocol',
    id: 'mini',
    version: 1,
    jurisdiction: 'REGIONAL',
    title: t('Mini voluntary return'),
    population: 'adult',
    events: {
      SCREENED: { title: t('Screening done') },
      CONSENT_GIVEN: { title: t('Consent recorded') },
      ASSESSED: { title: t('Risk assessed') },
      ARRIVED: { title: t('Arrived') },
      WITHDRAW: { title: t('Consent withdrawn') },
    },
    guards: {
      lowRisk: {
        logic: { '==': [{ var: 'form.level' }, 'low'] },
        description: t('The risk of return is low'),
      },
    },
    delays: { noAnswer: { hours: 48 } },
    machine: {
      id: 'mini',
      initial: 'screening',
      on: { WITHDRAW: { target: '#mini.closure' } },
      states: {
        screening: {
          meta: meta('Screening', { roles: ['caseworker'] }),
          on: { SCREENED: { target: 'consent' } },
        },
        consent: {
          tags: ['consent'],
          meta: meta('Consent', { form: 'consent', deadline: { hours: 24 } }),
          on: { CONSENT_GIVEN: { target: 'assessment', actions: [{ type: 'recordForm' }] } },
          after: { noAnswer: { target: 'closure' } },
        },
        assessment: {
          tags: ['risk-assessment'],
          meta: meta('Risk assessment', { form: 'risk' }),
          on: {
            ASSESSED: [
              { target: 'travel', guard: 'lowRisk', actions: [{ type: 'recordForm' }] },
              { target: 'closure', actions: [{ type: 'recordForm' }] },
            ],
          },
        },
        travel: { tags: ['travel', 'return'], meta: meta('Travel'), on: { ARRIVED: { target: 'closure' } } },
        closure: { type: 'final', tags: ['closure'], meta: meta('Closure') },
      },
    },
  };
}

export const consentForm = {
  kind: 'form',
  id: 'consent',
  version: 1,
  title: t('Informed consent'),
  schema: {
    type: 'object',
    required: ['given', 'language'],
    properties: {
      given: { type: 'boolean', 'x-label': t('Consent given') },
      language: {
        type: 'string',
        enum: ['es', 'en'],
        'x-label': t('Language'),
        'x-enumLabels': [t('Spanish'), t('English')],
      },
    },
  },
  examples: [{ given: true, language: 'es' }],
};

export const riskForm = {
  kind: 'form',
  id: 'risk',
  version: 1,
  title: t('Risk assessment'),
  schema: {
    type: 'object',
    required: ['level'],
    properties: {
      level: {
        type: 'string',
        enum: ['low', 'high'],
        'x-label': t('Risk level'),
        'x-enumLabels': [t('Low'), t('High')],
      },
    },
  },
};

export const invariantsFile = {
  kind: 'invariants',
  invariants: [
    {
      id: 'adult-return-requires-consent-and-risk',
      kind: 'mustPassBefore',
      appliesTo: ['adult'],
      target: { tag: 'return' },
      requires: [{ tag: 'consent' }, { tag: 'risk-assessment' }],
      description: t('No adult returns without consent and a risk assessment.'),
    },
    {
      id: 'consent-withdrawable-before-travel',
      kind: 'availableUntil',
      appliesTo: ['adult'],
      event: 'WITHDRAW',
      until: { tag: 'travel' },
      description: t('Consent can be withdrawn until travel.'),
    },
  ],
};

/** A Guatemalan variant of mini@1: its own institution at screening and a longer consent deadline. */
export const variantFile = {
  kind: 'variant',
  id: 'mini-gt',
  version: 1,
  jurisdiction: 'GT',
  base: 'mini@1',
  title: t('Mini voluntary return, Guatemala'),
  changes: [
    { op: 'setStateMeta', path: 'screening', meta: { institution: t('Attorney General (PGN)', 'PGN') } },
    { op: 'setStateMeta', path: 'consent', meta: { deadline: { hours: 72 } } },
  ],
};

/** A temporary repository with workflows/ and forms/; `files` maps relative paths to content. */
export function makeRepo(files: Record<string, unknown> = defaultFiles()): {
  dir: string;
  write: (path: string, content: unknown) => void;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'ruta-cli-'));
  const write = (path: string, content: unknown) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  };
  for (const [path, content] of Object.entries(files)) write(path, content);
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A maker of temporary repositories for one test file, each removed after the test that made it:
 * call at the top of the file, then `repo()` (the default files) or `repo(files)` in tests.
 */
export function repoPerTest(): (files?: Record<string, unknown>) => ReturnType<typeof makeRepo> {
  const made: { remove: () => void }[] = [];
  afterEach(() => made.splice(0).forEach((r) => r.remove()));
  return (files = defaultFiles()) => {
    const r = makeRepo(files);
    made.push(r);
    return r;
  };
}

export function defaultFiles(): Record<string, unknown> {
  return {
    'workflows/invariants.json': invariantsFile,
    'workflows/regional/mini.v1.json': protocolFile(),
    'workflows/variants/gt/mini-gt.v1.json': variantFile,
    'forms/consent.json': consentForm,
    'forms/risk.json': riskForm,
  };
}
