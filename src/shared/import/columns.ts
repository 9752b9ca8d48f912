import { foldForSearch } from '../kernel/text'

/**
 * What an import file may hold, per kind: each target field with its Dutch column name (the
 * template's header) and the other headers payroll and HR exports use for it, so that most files
 * map themselves. The casemanager can change every mapping before anything is imported.
 */

export const IMPORT_KINDS = ['werkgevers', 'werknemers'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  werkgevers: 'Werkgevers',
  werknemers: 'Werknemers',
}

export type ImportField = {
  /** Dotted path into the entity's input (e.g. `address.postcode`), or `employer` (werknemers). */
  readonly key: string
  readonly label: string
  readonly required: boolean
  readonly aliases: readonly string[]
  readonly example: string
}

const address = (example: { street: string; nr: string; pc: string; city: string }) =>
  [
    {
      key: 'address.street',
      label: 'Straat',
      required: false,
      aliases: ['straatnaam', 'adres', 'street'],
      example: example.street,
    },
    {
      key: 'address.houseNumber',
      label: 'Huisnummer',
      required: false,
      aliases: ['huisnr', 'nummer', 'huisnummer en toevoeging', 'housenumber'],
      example: example.nr,
    },
    {
      key: 'address.postcode',
      label: 'Postcode',
      required: false,
      aliases: ['pc', 'zipcode', 'postal code'],
      example: example.pc,
    },
    {
      key: 'address.city',
      label: 'Plaats',
      required: false,
      aliases: ['woonplaats', 'vestigingsplaats', 'stad', 'city'],
      example: example.city,
    },
  ] as const satisfies readonly ImportField[]

export const IMPORT_FIELDS: Readonly<Record<ImportKind, readonly ImportField[]>> = {
  werkgevers: [
    {
      key: 'name',
      label: 'Naam werkgever',
      required: true,
      aliases: ['naam', 'werkgever', 'bedrijfsnaam', 'organisatie', 'statutaire naam'],
      example: 'Bakkerij Jansen B.V.',
    },
    {
      key: 'kvkNumber',
      label: 'KvK-nummer',
      required: false,
      aliases: ['kvk', 'kvk nummer', 'kamer van koophandel'],
      example: '12345678',
    },
    {
      key: 'loonheffingennummer',
      label: 'Loonheffingennummer',
      required: false,
      aliases: ['loonheffingnummer', 'lhnr'],
      example: '123456789L01',
    },
    ...address({ street: 'Dorpsstraat', nr: '12', pc: '3811 AB', city: 'Amersfoort' }),
    {
      key: 'policyProfile',
      label: 'Polisprofiel',
      required: true,
      aliases: ['polis', 'verzekering', 'product', 'verzuimverzekering'],
      example: 'Wettelijk (geen verzekeraar)',
    },
    {
      key: 'moduleStartDate',
      label: 'Ingangsdatum module',
      required: false,
      aliases: ['ingangsdatum', 'startdatum module', 'ingangsdatum polis'],
      example: '01-01-2026',
    },
  ],
  werknemers: [
    {
      key: 'employer',
      label: 'Werkgever (naam of KvK-nummer)',
      required: true,
      aliases: ['werkgever', 'naam werkgever', 'kvk', 'kvk-nummer', 'bedrijf'],
      example: 'Bakkerij Jansen B.V.',
    },
    {
      key: 'firstName',
      label: 'Voornaam',
      required: true,
      aliases: ['roepnaam', 'voornamen', 'first name'],
      example: 'Sanne',
    },
    {
      key: 'infix',
      label: 'Tussenvoegsel',
      required: false,
      aliases: ['tussenvoegsels', 'voorvoegsel'],
      example: 'de',
    },
    {
      key: 'lastName',
      label: 'Achternaam',
      required: true,
      aliases: ['geslachtsnaam', 'naam', 'last name'],
      example: 'Boer',
    },
    {
      key: 'bsn',
      label: 'BSN',
      required: true,
      aliases: ['burgerservicenummer', 'sofinummer', 'sofi-nummer'],
      example: '111222333',
    },
    {
      key: 'dateOfBirth',
      label: 'Geboortedatum',
      required: true,
      aliases: ['geb datum', 'geboren'],
      example: '14-03-1985',
    },
    ...address({ street: 'Kerkstraat', nr: '4', pc: '3812 CD', city: 'Amersfoort' }),
    {
      key: 'phone',
      label: 'Telefoon',
      required: false,
      aliases: ['telefoonnummer', 'mobiel', 'tel'],
      example: '0612345678',
    },
    {
      key: 'email',
      label: 'E-mail',
      required: false,
      aliases: ['e-mailadres', 'emailadres', 'email'],
      example: 'sanne@example.nl',
    },
    {
      key: 'jobTitle',
      label: 'Functie',
      required: true,
      aliases: ['functienaam', 'beroep'],
      example: 'Verkoopmedewerker',
    },
    {
      key: 'contractHoursPerWeek',
      label: 'Contracturen per week',
      required: true,
      aliases: ['uren', 'uren per week', 'contracturen', 'arbeidsduur'],
      example: '32',
    },
    {
      key: 'employmentStart',
      label: 'In dienst sinds',
      required: true,
      aliases: ['datum in dienst', 'in dienst', 'begindatum dienstverband'],
      example: '01-09-2015',
    },
    {
      key: 'employmentEnd',
      label: 'Uit dienst per',
      required: false,
      aliases: ['datum uit dienst', 'uit dienst', 'einddatum dienstverband'],
      example: '',
    },
  ],
}

const norm = (s: string) =>
  foldForSearch(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

/** Column index per field key (`-1` = not in the file), matched on the header's words. */
export type ColumnMapping = Readonly<Record<string, number>>

export function autoMap(kind: ImportKind, header: readonly string[]): ColumnMapping {
  const cols = header.map(norm)
  const used = new Set<number>()
  const mapping: Record<string, number> = {}
  for (const f of IMPORT_FIELDS[kind]) {
    const names = [f.label, f.key.split('.').pop() ?? f.key, ...f.aliases].map(norm)
    const i = cols.findIndex((c, idx) => !used.has(idx) && names.includes(c))
    mapping[f.key] = i
    if (i >= 0) used.add(i)
  }
  return mapping
}

/**
 * A remembered mapping applies again when the new file's header has the same column names
 * (compared without case and accents); otherwise the file maps itself anew.
 */
export function reuseMapping(
  kind: ImportKind,
  header: readonly string[],
  remembered: { readonly header: readonly string[]; readonly mapping: ColumnMapping } | undefined,
): ColumnMapping {
  if (
    remembered &&
    remembered.header.length === header.length &&
    remembered.header.every((h, i) => norm(h) === norm(header[i] ?? ''))
  )
    return remembered.mapping
  return autoMap(kind, header)
}
