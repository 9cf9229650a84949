import { REGIONAL_ROLES, type Country, type Jurisdiction, type Role, type Text } from '@ruta/protocol';

/** Countries with demo users for every role (plus regional designer, auditor and admin). */
export const DEMO_COUNTRIES: Country[] = ['GT', 'SV', 'MX', 'HN'];
export const DEMO_PASSWORD = 'ruta-demo';
export const DEMO_ROLES: Role[] = ['designer', 'caseworker', 'supervisor', 'auditor', 'focalpoint', 'admin'];
/** A demo account for every role a regional account may hold. */
export const REGIONAL_DEMO_ROLES: readonly Role[] = REGIONAL_ROLES;

/** Demo users are named by their role, in Spanish: the language of the coalition's staff. */
const ROLE_NAMES: Record<Role, string> = {
  designer: 'Diseñadora de protocolos',
  caseworker: 'Trabajadora de casos',
  supervisor: 'Supervisora',
  auditor: 'Auditora',
  focalpoint: 'Enlace nacional',
  admin: 'Administradora',
};

export interface DemoUser {
  username: string;
  name: string;
  role: Role;
  country: Jurisdiction;
}

/** The demo users: "<role>.<country>" in lower case, e.g. caseworker.gt, auditor.regional. */
export function demoUsers(): DemoUser[] {
  const out: DemoUser[] = [];
  for (const country of DEMO_COUNTRIES) {
    for (const role of DEMO_ROLES) {
      out.push({
        username: `${role}.${country.toLowerCase()}`,
        name: `${ROLE_NAMES[role]} (${country})`,
        role,
        country,
      });
    }
  }
  for (const role of REGIONAL_DEMO_ROLES) {
    out.push({
      username: `${role}.regional`,
      name: `${ROLE_NAMES[role]} (regional)`,
      role,
      country: 'REGIONAL',
    });
  }
  return out;
}

export interface FocalPointSeed {
  country: Country;
  institution: Text;
  function: Text;
}

const LIAISON: Text = {
  es: 'Enlace para la coordinación de repatriaciones de víctimas de trata (plan de trabajo, §9.3)',
  en: 'Liaison for coordinating repatriations of trafficking victims (work plan, §9.3)',
};
const REINTEGRATION: Text = {
  es: 'Referencia para la repatriación y reinserción (directorio, §6.5)',
  en: 'Contact for repatriation and reintegration (directory, §6.5)',
};

/**
 * The focal-point directory (seed 003 §6.5 and §9.3). Illustrative institutions, as DOMAIN.md
 * says: each country must confirm them against its own law before real use.
 */
export const FOCAL_POINTS: FocalPointSeed[] = [
  [
    'BZ',
    { es: 'Departamento de Servicios Humanos', en: 'Department of Human Services' },
    { es: 'Consejo contra la Trata de Personas (ATIPS)', en: 'Anti-Trafficking in Persons Council (ATIPS)' },
  ],
  [
    'CR',
    { es: 'Patronato Nacional de la Infancia (PANI)', en: 'National Child Welfare Agency (PANI)' },
    {
      es: 'Coalición Nacional contra la Trata (CONATT)',
      en: 'National Coalition against Trafficking (CONATT)',
    },
  ],
  [
    'DO',
    {
      es: 'Consejo Nacional para la Niñez y la Adolescencia (CONANI)',
      en: 'National Council for Children and Adolescents (CONANI)',
    },
    { es: 'Ministerio de Relaciones Exteriores', en: 'Ministry of Foreign Affairs' },
  ],
  [
    'SV',
    {
      es: 'Consejo Nacional de la Niñez y de la Adolescencia (CONNA)',
      en: 'National Council for Children and Adolescents (CONNA)',
    },
    {
      es: 'Consejo Nacional contra la Trata de Personas',
      en: 'National Council against Trafficking in Persons',
    },
  ],
  [
    'GT',
    { es: 'Procuraduría General de la Nación (PGN)', en: 'Attorney General (PGN)' },
    {
      es: 'Secretaría contra la Violencia Sexual, Explotación y Trata (SVET)',
      en: 'Secretariat against Sexual Violence, Exploitation and Trafficking (SVET)',
    },
  ],
  [
    'HN',
    {
      es: 'Dirección de Niñez, Adolescencia y Familia (DINAF)',
      en: 'Directorate for Children, Adolescents and Family (DINAF)',
    },
    {
      es: 'Comisión Interinstitucional contra la ESCT (CICESCT)',
      en: 'Inter-agency Commission against Trafficking (CICESCT)',
    },
  ],
  [
    'MX',
    {
      es: 'Sistema Nacional DIF – Procuraduría Federal de Protección de NNA',
      en: 'National DIF System – Federal Child Protection Office',
    },
    { es: 'Instituto Nacional de Migración (INM)', en: 'National Migration Institute (INM)' },
  ],
  [
    'NI',
    {
      es: 'Ministerio de la Familia, Adolescencia y Niñez (MIFAN)',
      en: 'Ministry of the Family, Adolescents and Children (MIFAN)',
    },
    {
      es: 'Coalición Nacional contra la Trata de Personas',
      en: 'National Coalition against Trafficking in Persons',
    },
  ],
  [
    'PA',
    {
      es: 'Secretaría Nacional de Niñez, Adolescencia y Familia (SENNIAF)',
      en: 'National Secretariat for Children, Adolescents and Family (SENNIAF)',
    },
    {
      es: 'Comisión Nacional contra la Trata de Personas',
      en: 'National Commission against Trafficking in Persons',
    },
  ],
  [
    'CA',
    {
      es: 'Inmigración, Refugiados y Ciudadanía Canadá (IRCC)',
      en: 'Immigration, Refugees and Citizenship Canada (IRCC)',
    },
    { es: 'Seguridad Pública Canadá', en: 'Public Safety Canada' },
  ],
  [
    'US',
    { es: 'Oficina contra la Trata de Personas (HHS)', en: 'Office on Trafficking in Persons (HHS)' },
    { es: 'Departamento de Seguridad Nacional (DHS)', en: 'Department of Homeland Security (DHS)' },
  ],
].flatMap(([country, liaison, reintegration]) => [
  { country: country as Country, institution: liaison as Text, function: LIAISON },
  { country: country as Country, institution: reintegration as Text, function: REINTEGRATION },
]);
