import { addDays, toEpochDay, type IsoDate } from '../kernel/iso-date'

/**
 * Absence figures (verzuimcijfers) over a report period, by the rules of the 1996 standard
 * "Berekening van ziekteverzuim" (Projectgroep Uniformering Verzuimgrootheden) that CBS, Vernet
 * and the verzuim portals follow:
 *
 * - every sick period is one verzuimgeval (a relapse is a new melding, whatever samentelling
 *   does to the 104-week clock);
 * - days are calendar days, weekends included;
 * - a part-timer weighs by contract hours (the deeltijdfactor; a common full-time norm cancels
 *   out of every ratio below), a partly recovered employee by the share of hours not worked
 *   (the arbeidsongeschiktheidsfactor);
 * - only days inside the employment count: sickness after the employment ended (ziek uit dienst)
 *   is no longer this employer's absence;
 * - WAZO leave days are not sick days (the standard's version without pregnancy and maternity
 *   leave, which it prescribes when only one version is given).
 *
 * Pure and deterministic: the period and every fact come in as arguments.
 */

export type AbsenceEmployee = {
  readonly id: string
  readonly contractHoursPerWeek: number
  readonly employmentStart: IsoDate
  /** Last day of employment, inclusive; absent while employed. */
  readonly employmentEnd?: IsoDate | null
}

export type AbsenceSickPeriod = {
  readonly employeeId: string
  readonly start: IsoDate
  /** Last sick day, inclusive; absent while still sick. */
  readonly end?: IsoDate | null
}

/** From `date` the employee works `hoursPerWeek`, until the sick period containing `date` ends. */
export type AbsencePartialRecovery = {
  readonly employeeId: string
  readonly date: IsoDate
  readonly hoursPerWeek: number
}

export type AbsenceLeave = {
  readonly employeeId: string
  readonly start: IsoDate
  readonly end: IsoDate
}

export type AbsenceFacts = {
  readonly employees: readonly AbsenceEmployee[]
  readonly sickPeriods: readonly AbsenceSickPeriod[]
  readonly partialRecoveries?: readonly AbsencePartialRecovery[]
  readonly leaves?: readonly AbsenceLeave[]
}

/** Inclusive on both ends. */
export type ReportPeriod = { readonly from: IsoDate; readonly to: IsoDate }

export const DURATION_CLASSES = ['kort', 'middellang', 'lang'] as const
export type DurationClass = (typeof DURATION_CLASSES)[number]

/** Kort 1–7, middellang 8–42, lang 43 calendar days or more (the standard's classes). */
export function durationClass(days: number): DurationClass {
  if (days <= 7) return 'kort'
  if (days <= 42) return 'middellang'
  return 'lang'
}

export type AbsenceFigures = {
  readonly period: ReportPeriod
  readonly periodDays: number
  /** Employees employed on at least one day of the period. */
  readonly employees: number
  /** Employment days in the period divided by the period's days. */
  readonly averageHeadcount: number
  /** Employment days weighted by contract hours per week (the denominator of the percentage). */
  readonly availableHourDays: number
  /** Sick days in the period weighted by contract hours and incapacity (the numerator). */
  readonly sickHourDays: number
  /** null when nobody was employed in the period. */
  readonly verzuimpercentage: number | null
  /** The percentage split by the duration of the case each sick day belongs to. */
  readonly verzuimpercentageByDuration: Readonly<Record<DurationClass, number | null>>
  /** Sick periods that began in the period. */
  readonly meldingen: number
  readonly meldingenByDuration: Readonly<Record<DurationClass, number>>
  /** Meldingen per employee, on a yearly basis. */
  readonly meldingsfrequentie: number | null
  /** Cases whose hersteldatum (first day fit) lies in the period. */
  readonly endedCases: number
  /** Average length in calendar days of the ended cases, days before the period included. */
  readonly gemiddeldeVerzuimduur: number | null
  /** Share of the employees without a single sick day in the period, in percent. */
  readonly nulverzuim: number | null
}

/** Dutch definitions, shown beside each figure. */
export const ABSENCE_DEFINITIONS: Readonly<Record<string, string>> = {
  verzuimpercentage:
    'Verzuimde kalenderdagen in de periode, gewogen naar contracturen en de mate van arbeidsongeschiktheid, als percentage van alle dienstverbanddagen in de periode (gewogen naar contracturen). Verlofdagen (WAZO) tellen niet als verzuim.',
  meldingsfrequentie:
    'Aantal ziekmeldingen dat in de periode begon, gedeeld door het gemiddelde aantal werknemers in de periode, omgerekend naar een jaar.',
  gemiddeldeVerzuimduur:
    'Gemiddelde duur in kalenderdagen van de verzuimgevallen waarvan de hersteldatum in de periode valt, inclusief de dagen vóór de periode.',
  nulverzuim:
    'Percentage van de werknemers die in de periode in dienst waren en geen enkele verzuimdag in de periode hadden.',
  duur: 'Kort verzuim: 1 t/m 7 kalenderdagen; middellang: 8 t/m 42; lang: 43 of meer. Een lopend geval telt met zijn duur tot het einde van de periode.',
}

type DayRange = { readonly first: number; readonly last: number }

function overlap(a: DayRange, b: DayRange): DayRange | null {
  const first = Math.max(a.first, b.first)
  const last = Math.min(a.last, b.last)
  return first <= last ? { first, last } : null
}

function byEmployee<T extends { readonly employeeId: string }>(
  rows: readonly T[] | undefined,
): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const row of rows ?? []) {
    const list = map.get(row.employeeId)
    if (list) list.push(row)
    else map.set(row.employeeId, [row])
  }
  return map
}

/** Leave days of one employee as a set of epoch days within `range`. */
function leaveDays(leaves: readonly AbsenceLeave[] | undefined, range: DayRange): Set<number> {
  const days = new Set<number>()
  for (const l of leaves ?? []) {
    const o = overlap({ first: toEpochDay(l.start), last: toEpochDay(l.end) }, range)
    if (!o) continue
    for (let d = o.first; d <= o.last; d++) days.add(d)
  }
  return days
}

/** The incapacity factor on each day of a sick period, from its partial recoveries. */
function incapacitySteps(
  period: DayRange,
  contractHours: number,
  recoveries: readonly AbsencePartialRecovery[] | undefined,
): Array<{ from: number; factor: number }> {
  const steps = [{ from: period.first, factor: 1 }]
  const inside = (recoveries ?? [])
    .map((r) => ({ day: toEpochDay(r.date), hours: r.hoursPerWeek }))
    .filter((r) => r.day >= period.first && r.day <= period.last)
    .sort((a, b) => a.day - b.day)
  for (const r of inside) {
    const worked = Math.min(Math.max(r.hours, 0), contractHours)
    const factor = contractHours > 0 ? (contractHours - worked) / contractHours : 0
    steps.push({ from: r.day, factor })
  }
  return steps
}

export function absenceFigures(facts: AbsenceFacts, period: ReportPeriod): AbsenceFigures {
  const range: DayRange = { first: toEpochDay(period.from), last: toEpochDay(period.to) }
  if (range.last < range.first) throw new RangeError('De periode eindigt voor zij begint.')
  const periodDays = range.last - range.first + 1

  const sickByEmployee = byEmployee(facts.sickPeriods)
  const recoveriesByEmployee = byEmployee(facts.partialRecoveries)
  const leavesByEmployee = byEmployee(facts.leaves)

  let employees = 0
  let employmentDays = 0
  let availableHourDays = 0
  let sickHourDays = 0
  const sickHourDaysByDuration: Record<DurationClass, number> = { kort: 0, middellang: 0, lang: 0 }
  let meldingen = 0
  const meldingenByDuration: Record<DurationClass, number> = { kort: 0, middellang: 0, lang: 0 }
  let endedCases = 0
  let endedCaseDays = 0
  let withoutAbsence = 0

  for (const employee of facts.employees) {
    const employment: DayRange = {
      first: toEpochDay(employee.employmentStart),
      last: employee.employmentEnd ? toEpochDay(employee.employmentEnd) : Number.POSITIVE_INFINITY,
    }
    const employed = overlap(employment, range)
    const hours = employee.contractHoursPerWeek
    const periods = sickByEmployee.get(employee.id) ?? []

    if (employed) {
      employees++
      employmentDays += employed.last - employed.first + 1
      availableHourDays += (employed.last - employed.first + 1) * hours
    }

    let sickInPeriod = false
    const leave = employed ? leaveDays(leavesByEmployee.get(employee.id), employed) : new Set()
    for (const p of periods) {
      const start = toEpochDay(p.start)
      const end = p.end ? toEpochDay(p.end) : Number.POSITIVE_INFINITY
      // Duration for the class: to the case's end, or to the period's end while it runs.
      const durationDays = Math.min(end, range.last) - start + 1
      const cls = durationClass(durationDays)

      if (start >= range.first && start <= range.last) {
        meldingen++
        meldingenByDuration[cls]++
      }
      if (p.end) {
        const hersteldatum = toEpochDay(addDays(p.end, 1))
        if (hersteldatum >= range.first && hersteldatum <= range.last) {
          endedCases++
          endedCaseDays += end - start + 1
        }
      }

      if (!employed) continue
      const counted = overlap({ first: start, last: end }, employed)
      if (!counted) continue
      const steps = incapacitySteps(
        { first: start, last: end },
        hours,
        recoveriesByEmployee.get(employee.id),
      )
      for (let d = counted.first; d <= counted.last; d++) {
        if (leave.has(d)) continue
        let factor = 1
        for (const s of steps) if (s.from <= d) factor = s.factor
        if (factor > 0) sickInPeriod = true
        const weighted = hours * factor
        sickHourDays += weighted
        sickHourDaysByDuration[cls] += weighted
      }
    }
    if (employed && !sickInPeriod) withoutAbsence++
  }

  const averageHeadcount = employmentDays / periodDays
  const percentage = (part: number): number | null =>
    availableHourDays > 0 ? (part / availableHourDays) * 100 : null

  return {
    period,
    periodDays,
    employees,
    averageHeadcount,
    availableHourDays,
    sickHourDays,
    verzuimpercentage: percentage(sickHourDays),
    verzuimpercentageByDuration: {
      kort: percentage(sickHourDaysByDuration.kort),
      middellang: percentage(sickHourDaysByDuration.middellang),
      lang: percentage(sickHourDaysByDuration.lang),
    },
    meldingen,
    meldingenByDuration,
    meldingsfrequentie:
      averageHeadcount > 0 ? (meldingen / averageHeadcount) * (365 / periodDays) : null,
    endedCases,
    gemiddeldeVerzuimduur: endedCases > 0 ? endedCaseDays / endedCases : null,
    nulverzuim: employees > 0 ? (withoutAbsence / employees) * 100 : null,
  }
}

/** The facts of several werkgevers as one (the whole caseload). */
export function combineFacts(list: readonly AbsenceFacts[]): AbsenceFacts {
  return {
    employees: list.flatMap((f) => f.employees),
    sickPeriods: list.flatMap((f) => f.sickPeriods),
    partialRecoveries: list.flatMap((f) => f.partialRecoveries ?? []),
    leaves: list.flatMap((f) => f.leaves ?? []),
  }
}
