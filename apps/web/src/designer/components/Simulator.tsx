import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, ROLES, listStates, resolveTarget } from '@ruta/protocol';
import type { Country, Lang, Role } from '@ruta/protocol';
import type { Rejection } from '@ruta/engine';
import type { DesignDoc } from '../model/DesignDoc.js';
import {
  activePaths,
  advanceClock,
  guardChecks,
  simulateStep,
  simulatedActions,
  startSimulation,
} from '../model/simulation.js';
import type { Simulation } from '../model/simulation.js';
import { pick } from '../i18n/pick.js';
import { StepForm } from '../../forms/StepForm.js';
import { submissionCheck } from '../../forms/validateSubmission.js';
import { evalAllowed } from '../model/evalAllowed.js';
import '../designer.css';

export interface SimulatorProps {
  doc: DesignDoc;
  lang: Lang;
  /** The active states, to light them up on the chart. */
  onActiveChange?: (paths: string[]) => void;
}

/**
 * Steps a case through the draft in the browser with the real engine, without creating a case:
 * pick an action, fill its form (from the form's samples), see every guard it would try with the
 * values it read, send it, and move the clock to fire deadlines and delayed steps.
 */
export function Simulator({ doc, lang, onActiveChange }: SimulatorProps) {
  const { t } = useTranslation('designer');
  const [country, setCountry] = useState<Country>(doc.jurisdiction === 'REGIONAL' ? 'GT' : doc.jurisdiction);
  const [role, setRole] = useState<Role>(() => firstRole(doc));
  const [run, setRun] = useState(() => start(doc, country, role));
  const [event, setEvent] = useState('');
  const [data, setData] = useState<Record<string, unknown>>({});
  const [example, setExample] = useState(0);
  const [rejected, setRejected] = useState<Rejection[]>([]);
  const [hours, setHours] = useState(24);

  // A new draft (or another country) starts again from the initial state.
  useEffect(() => {
    setRun(start(doc, country, role));
    setEvent('');
    setRejected([]);
    // The role is changed in place (below): acting as someone else does not restart the case.
  }, [doc, country]);
  const changeRole = (next: Role) => {
    setRole(next);
    setRun((r) => (r.ok ? { ok: true, sim: { ...r.sim, actor: { ...r.sim.actor, role: next } } } : r));
  };

  const sim: Simulation | null = run.ok ? run.sim : null;
  const active = useMemo(() => (sim ? activePaths(sim.case.value) : []), [sim]);
  useEffect(() => onActiveChange?.(active), [active, onActiveChange]);

  const actions = useMemo(() => (sim ? simulatedActions(sim) : []), [sim]);
  const chosen = actions.find((a) => a.event === event);
  const form = chosen?.form !== undefined ? doc.forms[chosen.form] : undefined;
  const samples = form?.examples ?? [];
  /** Picks an action, its form filled in from the form's first sample. */
  const choose = (next: string) => {
    const a = actions.find((x) => x.event === next);
    const f = a?.form !== undefined ? doc.forms[a.form] : undefined;
    setEvent(next);
    setExample(0);
    setData({ ...(f?.examples?.[0] ?? {}) });
    setRejected([]);
  };
  const chooseExample = (i: number) => {
    setExample(i);
    setData({ ...(samples[i] ?? {}) });
  };
  const checks = useMemo(
    () => (sim && event ? guardChecks(sim, event, form ? data : undefined) : []),
    [sim, event, data, form],
  );
  const titleOf = (path: string) =>
    pick(listStates(doc.machine).find((s) => s.path === path)?.state.meta.title, lang) || path;

  if (!run.ok) {
    return (
      <section className="dz-panel" data-testid="simulator">
        <h2>{t('sim.heading')}</h2>
        <p className="dz-error" role="alert">
          {t('sim.cannotRun')} {run.error}
        </p>
      </section>
    );
  }
  const send = () => {
    const r = simulateStep(run.sim, event, form ? data : undefined);
    if (!r.ok) return setRejected(r.reasons);
    setRejected([]);
    setRun({ ok: true, sim: r.sim });
    setEvent('');
  };

  return (
    <section className="dz-panel dz-sim" aria-labelledby="dz-sim-heading" data-testid="simulator">
      <h2 id="dz-sim-heading">{t('sim.heading')}</h2>
      <p className="dz-hint">{t('sim.intro')}</p>
      <div className="dz-row">
        <label>
          {t('sim.country')}
          <select
            value={country}
            disabled={doc.jurisdiction !== 'REGIONAL'}
            onChange={(e) => setCountry(e.target.value as Country)}
          >
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {t(`countries.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sim.role')}
          <select name="sim-role" value={role} onChange={(e) => changeRole(e.target.value as Role)}>
            {ROLES.filter((r) => r !== 'admin' && r !== 'auditor').map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setRun(start(doc, country, role))}>
          {t('sim.restart')}
        </button>
      </div>
      <p data-testid="sim-state">
        {t('sim.now')}:{' '}
        <strong>
          {active
            .filter((p) => !active.some((q) => q.startsWith(`${p}.`)))
            .map(titleOf)
            .join(' + ')}
        </strong>
        {run.sim.case.status === 'closed' && <> — {t('sim.closed')}</>}
      </p>
      {run.sim.case.deadlines.length > 0 && (
        <ul className="dz-list">
          {run.sim.case.deadlines.map((d) => (
            <li key={d.name}>
              ◷ {pick(d.title, lang)}: {d.dueAt.slice(0, 16).replace('T', ' ')}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('sim.actions')}</h3>
      {actions.length === 0 && <p className="dz-hint">{t('sim.noActions')}</p>}
      <div className="dz-row dz-wrap">
        {actions.map((a) => (
          <button
            key={a.event}
            type="button"
            name={`sim-event-${a.event}`}
            aria-pressed={event === a.event}
            className={
              a.ok || a.reasons.every((r) => r.code === 'form-invalid' || r.code === 'guard-failed')
                ? ''
                : 'is-blocked'
            }
            title={a.reasons.map((r) => r.message).join('\n')}
            onClick={() => choose(a.event)}
          >
            {pick(a.title, lang)}
          </button>
        ))}
      </div>
      {chosen && (
        <div className="dz-subform" data-testid="sim-step">
          {form && (
            <>
              {samples.length > 1 && (
                <label>
                  {t('form.startFrom')}
                  <select
                    name="sim-example"
                    value={example}
                    onChange={(e) => chooseExample(Number(e.target.value))}
                  >
                    {samples.map((_, i) => (
                      <option key={i} value={i}>
                        {t('form.example', { n: i + 1 })}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <StepForm form={form} formData={data} onChange={setData} idPrefix={`sim-${form.id}`} />
            </>
          )}
          <h4>{t('sim.guards')}</h4>
          <ol className="dz-guardchecks" data-testid="guard-checks">
            {checks.map((c, i) => {
              const target = c.target === undefined ? null : resolveTarget(doc.machine, c.source, c.target);
              return (
                <li
                  key={i}
                  className={c.result === false ? 'is-false' : 'is-true'}
                  data-guard={c.guard ?? ''}
                  data-result={String(c.result)}
                >
                  {c.guard === undefined ? (
                    <span>{t('sim.unguarded')}</span>
                  ) : (
                    <>
                      <strong>{c.result ? t('sim.true') : t('sim.false')}</strong> {pick(c.description, lang)}{' '}
                      <code>{c.guard}</code>
                      <ul>
                        {c.reads.map((r) => (
                          <li key={r.variable}>
                            <code>{r.variable}</code> ={' '}
                            <code>{r.value === undefined ? t('sim.empty') : JSON.stringify(r.value)}</code>
                          </li>
                        ))}
                      </ul>
                      {c.error && <p className="dz-hint">{c.error}</p>}
                    </>
                  )}{' '}
                  → {target ? titleOf(target) : t('transition.noTarget')}
                </li>
              );
            })}
          </ol>
          <button type="button" name="sim-send" className="dz-primary" onClick={send}>
            {t('sim.send', { event: pick(chosen.title, lang) })}
          </button>
          {rejected.length > 0 && (
            <ul className="dz-error" role="alert">
              {rejected.map((r, i) => (
                <li key={i}>{r.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="dz-row">
        <label>
          {t('sim.hours')}
          <input
            type="number"
            min={1}
            value={hours}
            onChange={(e) => setHours(Math.max(1, Number(e.target.value) || 1))}
          />
        </label>
        <button type="button" onClick={() => setRun({ ok: true, sim: advanceClock(run.sim, hours) })}>
          {t('sim.advance')}
        </button>
      </div>
      <h3>{t('sim.history')}</h3>
      <ol className="dz-list" data-testid="sim-history">
        {run.sim.steps.map((s, i) => (
          <li key={i}>
            {s.at.slice(0, 16).replace('T', ' ')} · {pick(doc.events[s.event]?.title, lang) || s.event}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Opens the simulated case, with the eval-free form check where the page forbids eval. */
function start(doc: DesignDoc, country: Country, role: Role) {
  return startSimulation(doc, { country, role }, evalAllowed() ? {} : { validatorFor: submissionCheck });
}

function firstRole(doc: DesignDoc): Role {
  const initial = doc.machine.states[doc.machine.initial];
  return initial?.meta.roles?.[0] ?? 'caseworker';
}
