import { COUNTRIES, type Country, type Text } from './types.js';

/** One value a case profile field can take, with its name in each language. */
export interface ProfileValue {
  value: string;
  label: Text;
}

const COUNTRY_LABELS: Record<Country, Text> = {
  BZ: { es: 'Belice', en: 'Belize' },
  CR: { es: 'Costa Rica', en: 'Costa Rica' },
  DO: { es: 'República Dominicana', en: 'Dominican Republic' },
  SV: { es: 'El Salvador', en: 'El Salvador' },
  GT: { es: 'Guatemala', en: 'Guatemala' },
  HN: { es: 'Honduras', en: 'Honduras' },
  MX: { es: 'México', en: 'Mexico' },
  NI: { es: 'Nicaragua', en: 'Nicaragua' },
  PA: { es: 'Panamá', en: 'Panama' },
  CA: { es: 'Canadá', en: 'Canada' },
  US: { es: 'Estados Unidos', en: 'United States' },
};

/** The coalition's countries by name in one language, e.g. countryNames('es').MX === 'México'. */
export function countryNames(lang: keyof Text): Record<Country, string> {
  const out = {} as Record<Country, string>;
  for (const c of COUNTRIES) out[c] = COUNTRY_LABELS[c][lang];
  return out;
}

/**
 * The values of the anonymised case profile (seed 003 §6.9-6.10) and their names. Every
 * protocol's profile mapping must give these, so that statistics add up across countries and
 * protocols (the walk of the shipped protocols checks it); the statistics page names them.
 */
export const PROFILE_VOCABULARY: Readonly<
  Record<'originCountry' | 'sex' | 'ageGroup' | 'exploitation', readonly ProfileValue[]>
> = {
  originCountry: [
    ...COUNTRIES.map((value) => ({ value, label: COUNTRY_LABELS[value] })),
    {
      value: 'OTHER',
      label: { es: 'Otro país (fuera de la Coalición)', en: 'Other country (outside the Coalition)' },
    },
    {
      value: 'STATELESS',
      label: { es: 'Apátrida o nacionalidad no determinada', en: 'Stateless or nationality undetermined' },
    },
  ],
  sex: [
    { value: 'female', label: { es: 'Mujer', en: 'Female' } },
    { value: 'male', label: { es: 'Hombre', en: 'Male' } },
    { value: 'other', label: { es: 'Otro', en: 'Other' } },
    { value: 'not-stated', label: { es: 'No lo declara', en: 'Not stated' } },
  ],
  ageGroup: [
    { value: '0-11', label: { es: '0 a 11 años', en: '0 to 11 years' } },
    { value: '12-17', label: { es: '12 a 17 años', en: '12 to 17 years' } },
    { value: '18-29', label: { es: '18 a 29 años', en: '18 to 29 years' } },
    { value: '30-49', label: { es: '30 a 49 años', en: '30 to 49 years' } },
    { value: '50+', label: { es: '50 años o más', en: '50 years or older' } },
  ],
  exploitation: [
    { value: 'sexual', label: { es: 'Explotación sexual', en: 'Sexual exploitation' } },
    { value: 'labour', label: { es: 'Trabajo o servicios forzados', en: 'Forced labour or services' } },
    { value: 'forced-begging', label: { es: 'Mendicidad forzada', en: 'Forced begging' } },
    { value: 'forced-marriage', label: { es: 'Matrimonio o unión forzada', en: 'Forced marriage or union' } },
    { value: 'organ-removal', label: { es: 'Extracción de órganos', en: 'Organ removal' } },
    {
      value: 'other',
      label: { es: 'Otra forma o aún no determinada', en: 'Other form or not yet determined' },
    },
  ],
};

/** The name of a profile value in `lang`, or undefined for a value outside the vocabulary. */
export function profileLabel(
  field: keyof typeof PROFILE_VOCABULARY,
  value: string,
  lang: keyof Text,
): string | undefined {
  return PROFILE_VOCABULARY[field].find((v) => v.value === value)?.label[lang];
}
