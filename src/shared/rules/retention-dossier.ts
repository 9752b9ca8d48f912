import type { Dossier, Employee, Employer, SickPeriod } from '../domain/entities'
import type { IsoDate } from '../kernel/iso-date'
import { param } from './parameters'
import { retentionOf, type Retention } from './retention'

/**
 * Sick days from which an absence is a re-integratiedossier: six weeks, the day the
 * probleemanalyse is due (Regeling procesgang art. 2 lid 2).
 */
const reintegrationCaseDays = () => param('probleemanalyseDay')

function daysInclusive(start: IsoDate, end: IsoDate): number {
  return Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1
}

/**
 * The retention of one dossier today, from its records (the facts the pure rule in retention.ts
 * needs): the latest sick period's last day, whether any period lasted six weeks or more (a
 * re-integration case), the re-integration completion date, the end of employment, the employer's
 * eigenrisicodrager ZW status and a legal hold.
 */
export function retentionOfDossier(
  parts: {
    readonly dossier: Dossier
    readonly employee: Employee
    readonly employer: Employer
    readonly sickPeriods: readonly SickPeriod[]
  },
  today: IsoDate,
): Retention {
  const periods = [...parts.sickPeriods].sort((a, b) => (a.start < b.start ? -1 : 1))
  const latest = periods.at(-1)
  const reintegrationCase =
    parts.dossier.reintegrationCompletedOn !== undefined ||
    periods.some((p) => daysInclusive(p.start, p.end ?? today) >= reintegrationCaseDays())
  return retentionOf({
    today,
    lastSickDay: latest ? latest.end : undefined,
    reintegrationCase,
    ...(parts.dossier.reintegrationCompletedOn
      ? { reintegrationCompletedOn: parts.dossier.reintegrationCompletedOn }
      : {}),
    ...(parts.employee.employmentEnd ? { employmentEnd: parts.employee.employmentEnd } : {}),
    eigenrisicodragerZw: parts.employer.eigenrisicodragerZw,
    legalHold: parts.dossier.legalHold?.kind ?? 'geen',
  })
}
