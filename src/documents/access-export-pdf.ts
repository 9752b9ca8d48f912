import type { AuditEntry } from '../shared/audit/chain'
import {
  CONTACT_KIND_LABELS,
  DOSSIER_STATUS_LABELS,
  INTERVENTION_KIND_LABELS,
} from '../shared/domain/entities'
import { employeeFullName } from '../shared/domain/entities'
import { LEGAL_HOLD_LABELS } from '../shared/domain/legal-hold'
import { POLICY_PROFILE_LABELS } from '../shared/domain/policy-profile'
import type { RuleCoreDates } from '../shared/documents/case-facts'
import { formatDutchDate, isoDate } from '../shared/kernel/iso-date'
import { buildAccessExport, type AccessExportInput } from '../shared/privacy/access-export'
import { Layout, type DocumentFonts, type TableColumn, textOf } from './layout'
import { finishDocument } from './page-chrome'

/**
 * The employee's access export (AVG art. 15) as a PDF a person can read: the very content of the
 * JSON file (`buildAccessExport`), laid out as Dutch tables. The data of each section is shown
 * as it is held, with readable labels and Dutch dates; nothing is summarised or left out except
 * the technical keys (internal ids and storage timestamps), which the PDF says stay in the JSON.
 * Documents appear with their describing data only, as in the JSON: no file content ever
 * reaches this renderer, and so no medical attachment either.
 */

type AccessExport = ReturnType<typeof buildAccessExport>
type Row = Readonly<Record<string, unknown>>

/** Section headings, in order; every one is Dutch (a test reads them back from the PDF). */
export const ACCESS_PDF_HEADINGS = {
  werknemer: 'Werknemer',
  werkgever: 'Werkgever',
  dossier: 'Dossier',
  ziekteperiodes: 'Ziekteperiodes',
  gedeeltelijkHerstel: 'Gedeeltelijk herstel',
  verlof: 'Verlof',
  contactmomenten: 'Contactmomenten',
  interventies: 'Interventies',
  afspraken: 'Afspraken',
  documenten: 'Documenten (alleen beschrijvende gegevens)',
  mijlpalen: 'Mijlpalen',
  audittrail: 'Audittrail: wie heeft het dossier ingezien, gewijzigd of geëxporteerd',
} as const satisfies Partial<Record<keyof AccessExport, string>>

/** What one record of a list section is called ("Interventie 2"). */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  ziekteperiodes: 'Ziekteperiode',
  gedeeltelijkHerstel: 'Gedeeltelijk herstel',
  verlof: 'Verlof',
  contactmomenten: 'Contactmoment',
  interventies: 'Interventie',
  afspraken: 'Afspraak',
  documenten: 'Document',
  mijlpalen: 'Mijlpaal',
}

/** Keys that identify a record inside Hervat and mean nothing to a reader. */
const TECHNICAL = new Set([
  'id',
  'aangemaaktOp',
  'gewijzigdOp',
  'dossierId',
  'werknemerId',
  'werkgeverId',
])

/** Labels where splitting the Dutch key into words does not read well. */
const LABELS: Readonly<Record<string, string>> = {
  bsn: 'Burgerservicenummer (BSN)',
  kvkNummer: 'KvK-nummer',
  eMail: 'E-mail',
  controlesomSha256: 'Controlesom (SHA-256)',
  grootteInBytes: 'Grootte (bytes)',
  offertebedragEuro: 'Offertebedrag (euro)',
  alsMedischGemarkeerd: 'Als medisch gemarkeerd',
  polisprofiel: 'Polisprofiel',
  eigenrisicodragerZiektewet: 'Eigenrisicodrager Ziektewet',
}

/** "ziekGemeldBijWerkgeverOp" → "Ziek gemeld bij werkgever op". */
export function labelOf(key: string): string {
  const label = LABELS[key]
  if (label) return label
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Codes of choice lists in words: the app's own labels, else the code made readable. */
const CODE_LABELS: Readonly<Record<string, string>> = {
  ...DOSSIER_STATUS_LABELS,
  ...CONTACT_KIND_LABELS,
  ...INTERVENTION_KIND_LABELS,
  ...LEGAL_HOLD_LABELS,
  ...POLICY_PROFILE_LABELS,
  done: 'Gedaan',
  waived: 'Vervallen',
}
const CODE_KEYS = new Set([
  'soort',
  'status',
  'bron',
  'goedkeuring',
  'vergoeding',
  'geadviseerdDoor',
  'vangnetregeling',
  'polisprofiel',
  'stand',
])
const readableCode = (code: string) =>
  CODE_LABELS[code] ?? code.charAt(0).toUpperCase() + code.slice(1).replace(/-/g, ' ')

const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** An instant as Amsterdam wall-clock time, "dd-mm-jjjj uu:mm". */
export function fmtInstant(at: string): string {
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return at
  const p = Object.fromEntries(timeFormat.formatToParts(d).map((x) => [x.type, x.value]))
  return `${p['day']}-${p['month']}-${p['year']} ${p['hour']}:${p['minute']}`
}

const ADDRESS_KEYS = ['straat', 'huisnummer', 'postcode', 'plaats']

/** One value as text: Dutch dates and times, Ja/Nee, decimal commas, codes in words. */
export function fmtValue(key: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—'
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nee'
  if (typeof value === 'number') return String(value).replace('.', ',')
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDutchDate(isoDate(value))
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value))
      return `${formatDutchDate(isoDate(value.slice(0, 10)))} ${value.slice(11)}`
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value))
      return fmtInstant(value)
    return CODE_KEYS.has(key) ? readableCode(value) : value
  }
  if (Array.isArray(value)) return value.map((v) => fmtValue(key, v)).join('; ') || '—'
  if (typeof value === 'object') {
    const entries = Object.entries(value as Row).filter(([k]) => !TECHNICAL.has(k))
    if (entries.length === 0) return '—'
    if (entries.every(([k]) => ADDRESS_KEYS.includes(k))) {
      const o = value as Row
      const line = (...keys: string[]) =>
        keys
          .map((k) => o[k])
          .filter((v) => v !== undefined && v !== '')
          .join(' ')
      return [line('straat', 'huisnummer'), line('postcode', 'plaats')].filter(Boolean).join(', ')
    }
    return entries.map(([k, v]) => `${labelOf(k)}: ${fmtValue(k, v)}`).join('; ')
  }
  return String(value)
}

/** Keys read first in a record or a table, in this order; the others follow as held. */
const FIRST_KEYS = ['naam', 'titel', 'datum', 'begin', 'einde', 'tijdstip', 'soort']
const rank = (k: string) => {
  const i = FIRST_KEYS.indexOf(k)
  return i < 0 ? FIRST_KEYS.length : i
}

const shownKeys = (rows: readonly Row[]): string[] => {
  const keys: string[] = []
  for (const r of rows)
    for (const k of Object.keys(r)) if (!TECHNICAL.has(k) && !keys.includes(k)) keys.push(k)
  // Array.prototype.sort is stable: keys of equal rank keep the order they are held in.
  return keys.sort((a, b) => rank(a) - rank(b))
}

/** Tables up to this many columns stay readable on A4; wider records become label/value blocks. */
const MAX_TABLE_COLUMNS = 5

function recordSection(layout: Layout, heading: string, record: unknown): void {
  layout.heading(heading)
  const row = (record ?? {}) as Row
  layout.keyValues(shownKeys([row]).map((k) => [labelOf(k), fmtValue(k, row[k])] as const))
}

function listSection(layout: Layout, heading: string, itemName: string, records: unknown): void {
  layout.heading(heading)
  const rows = (Array.isArray(records) ? records : []) as Row[]
  if (rows.length === 0) {
    layout.paragraph('Niets vastgelegd.', { muted: true })
    return
  }
  const keys = shownKeys(rows)
  if (keys.length > MAX_TABLE_COLUMNS) {
    rows.forEach((r, i) => {
      layout.heading(`${itemName} ${i + 1}`, 2)
      layout.keyValues(
        keys.filter((k) => k in r).map((k) => [labelOf(k), fmtValue(k, r[k])] as const),
      )
    })
    return
  }
  const cells = rows.map((r) => keys.map((k) => fmtValue(k, r[k])))
  // Column widths follow what they hold (a verslag needs more room than a date).
  const weight = keys.map((k, i) =>
    Math.min(60, Math.max(10, labelOf(k).length, ...cells.map((c) => (c[i] ?? '').length))),
  )
  const total = weight.reduce((a, b) => a + b, 0)
  const columns: TableColumn[] = keys.map((k, i) => ({
    title: labelOf(k),
    width: (weight[i] ?? 0) / total,
  }))
  layout.table(columns, cells)
}

function auditSection(layout: Layout, trail: AccessExport['audittrail']): void {
  layout.heading(ACCESS_PDF_HEADINGS.audittrail)
  if (trail.length === 0) {
    layout.paragraph('Niets vastgelegd.', { muted: true })
    return
  }
  layout.paragraph('Nieuwste eerst. Het apparaat staat er met de eerste tekens van zijn kenmerk.', {
    muted: true,
    size: 8.5,
  })
  layout.table(
    [
      { title: 'Wanneer', width: 0.19 },
      { title: 'Wie', width: 0.17 },
      { title: 'Handeling', width: 0.17 },
      { title: 'Onderdeel', width: 0.23 },
      { title: 'Apparaat', width: 0.11 },
      { title: 'Resultaat', width: 0.13 },
    ],
    trail.map((e) => [
      fmtInstant(e.tijdstip),
      e.wie,
      e.handeling,
      e.toelichting ? `${e.onderdeel} (${e.toelichting})` : e.onderdeel,
      e.apparaat.slice(0, 8),
      e.resultaat,
    ]),
  )
}

/** The access export as a PDF; `made` says when and by whom, as in the JSON. */
export async function renderAccessExport(
  data: AccessExportInput,
  trail: readonly AuditEntry[],
  made: { readonly at: string; readonly by: string },
  fonts: DocumentFonts,
  options: { readonly producedAt: Date; readonly dates?: RuleCoreDates },
): Promise<Uint8Array> {
  const doc = buildAccessExport(data, trail, made)
  const name = employeeFullName(data.employee)
  const layout = await Layout.create(fonts, textOf(doc))
  layout.newPage('Inzage persoonsgegevens')
  layout.title(doc.titel, `Gemaakt op ${fmtInstant(doc.gemaaktOp)} door ${doc.gemaaktDoor}`)
  layout.paragraph(doc.toelichting)
  layout.paragraph(
    'Technische kenmerken (interne nummers en de tijdstippen van opslaan) staan alleen in de JSON-versie van deze inzage.',
    { muted: true, size: 8.5 },
  )
  recordSection(layout, ACCESS_PDF_HEADINGS.werknemer, doc.werknemer)
  recordSection(layout, ACCESS_PDF_HEADINGS.werkgever, doc.werkgever)
  recordSection(layout, ACCESS_PDF_HEADINGS.dossier, doc.dossier)
  for (const key of [
    'ziekteperiodes',
    'gedeeltelijkHerstel',
    'verlof',
    'contactmomenten',
    'interventies',
    'afspraken',
    'documenten',
    'mijlpalen',
  ] as const) {
    listSection(layout, ACCESS_PDF_HEADINGS[key], ITEM_NAMES[key] ?? '', doc[key])
    // Documents marked medical: a count, never a title (docs/adr/0009).
    if (key === 'documenten' && doc.medischGemarkeerdeDocumenten > 0)
      layout.paragraph(
        `Daarnaast ${doc.medischGemarkeerdeDocumenten === 1 ? 'is 1 document' : `zijn ${doc.medischGemarkeerdeDocumenten} documenten`} als medisch gemarkeerd; de titel wordt niet getoond.`,
        { muted: true, size: 8.5 },
      )
  }
  auditSection(layout, doc.audittrail)
  const firstSickDay =
    options.dates?.firstSickDay ?? [...data.sickPeriods].map((p) => p.start).sort()[0]
  return finishDocument(layout, {
    title: `Inzage persoonsgegevens – ${name}`,
    subject: 'Inzage in persoonsgegevens (AVG artikel 15)',
    author: made.by,
    header: {
      employeeName: name,
      bsn: data.employee.bsn,
      dateOfBirth: data.employee.dateOfBirth,
      firstSickDay,
      employerName: data.employer.name,
      loonheffingennummer: data.employer.loonheffingennummer,
    },
    producedAt: options.producedAt,
  })
}
