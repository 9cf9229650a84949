import { useTranslation } from 'react-i18next';
import type { Role } from '@ruta/protocol';

/** The <option>s of a country picker, each country by its name in the user's language. */
export function CountryOptions({ countries }: { countries: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {countries.map((c) => (
        <option key={c} value={c}>
          {t(`countries.${c}`)}
        </option>
      ))}
    </>
  );
}

/** The <option>s of a role picker, each role by its name in the user's language. */
export function RoleOptions({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((r) => (
        <option key={r} value={r}>
          {t(`roles.${r}`)}
        </option>
      ))}
    </>
  );
}
