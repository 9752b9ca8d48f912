import { addDays, type IsoDate } from '../../../shared/kernel/iso-date'
import { dutchCollator } from '../../../shared/kernel/text'
import {
  absenceFigures,
  combineFacts,
  type AbsenceFacts,
  type AbsenceFigures,
  type ReportPeriod,
} from '../../../shared/reports/absence'
import {
  PHASES,
  type CasemanagerFigures,
  type EmployerPhaseFigures,
} from '../../../shared/reports/caseload-figures'
import { dutchNumber, toCsv } from '../../../shared/reports/csv'

/**
 * The report screen's tables as plain data: the same rows feed the screen and the CSV export,
 * so what a werkgever receives is what the casemanager saw.
 */

export type AbsenceRow = { readonly label: string; readonly figures: AbsenceFigures }

export function absenceRows(
  employers: readonly { readonly id: string; readonly name: string }[],
  byEmployer: ReadonlyMap<string, AbsenceFacts>,
  period: ReportPeriod,
  employerId: string,
): AbsenceRow[] {
  const chosen = employers
    .filter((e) => (employerId ? e.id === employerId : true))
    .sort((a, b) => dutchCollator.compare(a.name, b.name))
  const rows = chosen.map((e) => ({
    label: e.name,
    figures: absenceFigures(byEmployer.get(e.id) ?? { employees: [], sickPeriods: [] }, period),
  }))
  if (!employerId && chosen.length > 1) {
    const all = combineFacts(chosen.map((e) => byEmployer.get(e.id)).filter((f) => f !== undefined))
    rows.push({ label: 'Totaal caseload', figures: absenceFigures(all, period) })
  }
  return rows
}

export const ABSENCE_COLUMNS = [
  'Werkgever',
  'Werknemers',
  'Verzuim %',
  'Kort %',
  'Middellang %',
  'Lang %',
  'Meldingen',
  'Meldingsfrequentie',
  'Gem. verzuimduur (dagen)',
  'Nulverzuim %',
] as const

export function absenceCells(row: AbsenceRow): string[] {
  const f = row.figures
  return [
    row.label,
    String(f.employees),
    dutchNumber(f.verzuimpercentage, 2),
    dutchNumber(f.verzuimpercentageByDuration.kort, 2),
    dutchNumber(f.verzuimpercentageByDuration.middellang, 2),
    dutchNumber(f.verzuimpercentageByDuration.lang, 2),
    String(f.meldingen),
    dutchNumber(f.meldingsfrequentie, 2),
    dutchNumber(f.gemiddeldeVerzuimduur, 1),
    dutchNumber(f.nulverzuim, 1),
  ]
}

export const CASEMANAGER_COLUMNS = [
  'Casemanager',
  'Actieve dossiers',
  'Stappen op tijd',
  'Stappen te laat',
  'Op tijd %',
  'Stappen nu te laat',
  'Dossiers met achterstand',
  'Signaleringen gegevens',
] as const

export function casemanagerCells(f: CasemanagerFigures): string[] {
  return [
    f.casemanagerId,
    String(f.activeDossiers),
    String(f.stepsDoneOnTime),
    String(f.stepsDoneLate),
    dutchNumber(f.onTimePercentage, 0),
    String(f.overdueSteps),
    String(f.dossiersWithOverdue),
    String(f.dataWarnings),
  ]
}

export const PHASE_COLUMNS = ['Werkgever', ...PHASES.map((p) => p.label), 'Stappen te laat']

export function phaseCells(f: EmployerPhaseFigures, employerName: string): string[] {
  return [employerName, ...PHASES.map((p) => String(f.byPhase[p.key])), String(f.overdueSteps)]
}

export function reportCsv(header: readonly string[], rows: readonly string[][]): Uint8Array {
  return new TextEncoder().encode(toCsv(header, rows))
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * The same table as an Excel sheet: figures as numbers (so a werkgever can calculate with them),
 * text as text (a spreadsheet never runs a cell written as a string, whatever it starts with).
 */
export async function reportXlsx(
  title: string,
  header: readonly string[],
  rows: readonly string[][],
): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser')
  const asCell = (text: string, column: number) => {
    if (column === 0 || text === '') return { value: text, type: String }
    const n = Number(text.replace(',', '.'))
    return Number.isFinite(n) ? { value: n, type: Number } : { value: text, type: String }
  }
  const blob = await writeXlsxFile(
    [
      header.map((h) => ({ value: h, fontWeight: 'bold' as const })),
      ...rows.map((r) => r.map(asCell)),
    ] as never,
    { sheet: title.slice(0, 31) },
  ).toBlob()
  return new Uint8Array(await blob.arrayBuffer())
}

/** Quick choices of a period, relative to today. */
export function presetPeriods(today: IsoDate): { label: string; period: ReportPeriod }[] {
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  const quarter = Math.floor((month - 1) / 3) // 0..3
  const qStart = (y: number, q: number) =>
    `${y}-${String(q * 3 + 1).padStart(2, '0')}-01` as IsoDate
  const prevQ = quarter === 0 ? { y: year - 1, q: 3 } : { y: year, q: quarter - 1 }
  const nextOfPrev = prevQ.q === 3 ? qStart(prevQ.y + 1, 0) : qStart(prevQ.y, prevQ.q + 1)
  return [
    { label: 'Dit jaar tot vandaag', period: { from: `${year}-01-01` as IsoDate, to: today } },
    {
      label: 'Vorig kwartaal',
      period: { from: qStart(prevQ.y, prevQ.q), to: addDays(nextOfPrev, -1) },
    },
    {
      label: 'Vorig jaar',
      period: { from: `${year - 1}-01-01` as IsoDate, to: `${year - 1}-12-31` as IsoDate },
    },
  ]
}
