import { addDays, type IsoDate } from '../kernel/iso-date'
import { addMonths } from './profile-rules'
import { param } from './parameters'

/**
 * Retention of a dossier (poortwachter-domain.md §5.6, AP beleidsregels "De zieke werknemer"
 * §6.1 as summarised by Rendement 2016):
 * - a re-integratiedossier: two years after the re-integration was completed;
 * - administrative data of a short absence: two years after the employment ended;
 * - an employer who is eigenrisicodrager ZW: five years for the ZW data;
 * - a legal hold (pending loonsanctie, objection, court case) blocks deletion.
 * The later of the applicable terms wins. While a case is open nothing expires.
 */
export const LEGAL_HOLDS = ['geen', 'loonsanctie', 'bezwaar', 'rechtszaak'] as const
export type LegalHold = (typeof LEGAL_HOLDS)[number]

export type RetentionFacts = {
  readonly today: IsoDate
  /** Last sick day of the latest period; undefined while still sick. */
  readonly lastSickDay: IsoDate | undefined
  /** Whether the absence became a re-integration case (it lasted six weeks or more). */
  readonly reintegrationCase: boolean
  readonly reintegrationCompletedOn?: IsoDate
  readonly employmentEnd?: IsoDate
  readonly eigenrisicodragerZw: boolean
  readonly legalHold: LegalHold
}

export type Retention =
  | { readonly state: 'open'; readonly reason: string }
  | { readonly state: 'retained'; readonly until: IsoDate; readonly reason: string }
  | { readonly state: 'expired'; readonly since: IsoDate; readonly reason: string }
  | { readonly state: 'hold'; readonly hold: Exclude<LegalHold, 'geen'>; readonly reason: string }

export function retentionOf(f: RetentionFacts): Retention {
  if (f.legalHold !== 'geen')
    return { state: 'hold', hold: f.legalHold, reason: `Juridische blokkade: ${f.legalHold}.` }
  if (!f.lastSickDay) return { state: 'open', reason: 'De werknemer is nog ziek.' }
  const terms: { until: IsoDate; reason: string }[] = []
  if (f.reintegrationCase) {
    if (!f.reintegrationCompletedOn)
      return { state: 'open', reason: 'Vul in wanneer de re-integratie is afgerond.' }
    terms.push({
      until: addMonths(f.reintegrationCompletedOn, 12 * param('retentionReintegrationYears')),
      reason: 'twee jaar na afronding van de re-integratie',
    })
  } else {
    if (!f.employmentEnd)
      return {
        state: 'open',
        reason: 'Verzuimgegevens blijven bewaard tot twee jaar na het einde van het dienstverband.',
      }
    terms.push({
      until: addMonths(f.employmentEnd, 12 * param('retentionShortAbsenceYears')),
      reason: 'twee jaar na het einde van het dienstverband',
    })
  }
  if (f.eigenrisicodragerZw) {
    terms.push({
      until: addMonths(f.lastSickDay, 12 * param('retentionErdZwYears')),
      reason: 'vijf jaar (eigenrisicodrager Ziektewet)',
    })
  }
  const latest = terms.reduce((a, b) => (b.until > a.until ? b : a))
  return latest.until < f.today
    ? {
        state: 'expired',
        since: addDays(latest.until, 1),
        reason: `Bewaartermijn verstreken: ${latest.reason}.`,
      }
    : { state: 'retained', until: latest.until, reason: `Bewaren tot ${latest.reason}.` }
}
