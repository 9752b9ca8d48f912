import { isoDate, type IsoDate } from '../kernel/iso-date'
import type { DossierExport } from './dossier-export'

/**
 * Dates the documents need but do not compute. Deadlines and the first sick day after
 * aggregation of periods (domain §1.1, §3.2) belong to the rule core (`src/shared/rules`); the
 * caller passes what the rule core computed. Documents never derive a deadline themselves.
 */
export const DUE_DOCUMENT_KEYS = [
  'probleemanalyse',
  'plan-van-aanpak',
  'eerstejaarsevaluatie',
  'actueel-oordeel',
  're-integratieverslag',
] as const
export type DueDocumentKey = (typeof DUE_DOCUMENT_KEYS)[number]

export type RuleCoreDates = {
  /** The case's eerste ziektedag as the rule core aggregates it. */
  readonly firstSickDay?: IsoDate
  /** Due dates of the milestones with the same keys in the rule core's timeline. */
  readonly due?: Partial<Record<DueDocumentKey, IsoDate>>
  /**
   * The rule core's warnings about the evaluation rhythm the signed Plan van Aanpak promises
   * (a promised evaluation not held, no next evaluation planned).
   */
  readonly evaluationWarnings?: readonly string[]
}

/** The date of the export itself, used as "today" when a document is rendered from a file. */
export function exportDate(exp: DossierExport): IsoDate {
  return isoDate(exp.exportedAt.slice(0, 10))
}

/**
 * Eerste ziektedag for document headers: the rule core's value when given, else the start of the
 * earliest sick period.
 * TODO(rule core): once the rule core offers a stable "first sick day of the case" for stored
 * records, let the CLI pass it too; the fallback ignores aggregation of periods < 4 weeks apart.
 */
export function caseFirstSickDay(exp: DossierExport, dates?: RuleCoreDates): IsoDate | undefined {
  if (dates?.firstSickDay) return dates.firstSickDay
  let first: IsoDate | undefined
  for (const p of exp.sickPeriods) if (!first || p.start < first) first = p.start
  return first
}
