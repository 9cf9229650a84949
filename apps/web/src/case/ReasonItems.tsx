import { useTranslation } from 'react-i18next';
import type { Rejection } from '@ruta/engine';
import { useLang } from '../i18n/useLang.js';

/**
 * Why an action is not done, one item per reason. Several failed guards on one event are
 * alternatives (one transition per outcome, e.g. return, stay or a third country): any one of
 * them is enough, so they are grouped under "one of these conditions" rather than listed as if
 * each had to hold.
 */
export function ReasonItems({
  reasons,
  describe,
}: {
  reasons: Rejection[];
  /** A reason in words, in the page's language (describeRejection). */
  describe: (r: Rejection) => string;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const conditionText = (r: Rejection) =>
    r.code === 'guard-failed' ? pick(r.description) || r.guard : describe(r);
  const guards = reasons.filter((r) => r.code === 'guard-failed');
  const others = reasons.filter((r) => r.code !== 'guard-failed');
  const texts = [...new Set(others.map(describe))];
  const guardTexts = [...new Set(guards.map(describe))];
  if (guardTexts.length === 1) texts.push(guardTexts[0]!);
  const alternatives = [...new Set(guards.map(conditionText))];
  return (
    <ul>
      {texts.map((text) => (
        <li key={text}>{text}</li>
      ))}
      {guardTexts.length > 1 ? (
        <li>
          {t('actions.oneOf')}
          <ul>
            {alternatives.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </li>
      ) : null}
    </ul>
  );
}
