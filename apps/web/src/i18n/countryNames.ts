/** The coalition's countries by name, in each language: one list for the app and the designer. */
export const countryNames = {
  es: {
    BZ: 'Belice',
    CR: 'Costa Rica',
    DO: 'República Dominicana',
    SV: 'El Salvador',
    GT: 'Guatemala',
    HN: 'Honduras',
    MX: 'México',
    NI: 'Nicaragua',
    PA: 'Panamá',
    CA: 'Canadá',
    US: 'Estados Unidos',
  },
  en: {
    BZ: 'Belize',
    CR: 'Costa Rica',
    DO: 'Dominican Republic',
    SV: 'El Salvador',
    GT: 'Guatemala',
    HN: 'Honduras',
    MX: 'Mexico',
    NI: 'Nicaragua',
    PA: 'Panama',
    CA: 'Canada',
    US: 'United States',
  },
};
