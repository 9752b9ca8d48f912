import type { PolicyProfileId } from '../domain/policy-profile'
import { addDays, formatDutchDate, toEpochDay, type IsoDate } from '../kernel/iso-date'
import {
  evaluateGuarantee,
  type GroundFact,
  type GuaranteeResult,
  type ReportFact,
} from './guarantee-evaluation'
import { citeClause, policyProfile, ruleOn } from './profiles'
import type { CaseClock, DeadlineStatus, GuaranteeStatus } from './timeline'

/**
 * The poortwachtergarantie of one employee, with the reason it lapsed (domain §6.4). It means
 * different things per insurer: De Amersfoortse and a.s.r. continue services during a UWV
 * extension (seed 000 art. 3.5, 001 art. 3.5); De Goudse compensates a loonsanctie (seed 003
 * art. 2.3). Only the grounds that are timeline facts are evaluated here; the others (advice not
 * followed, fees unpaid, module ended …) are the insurer's call and not in the data.
 */
export type Poortwachtergarantie = {
  readonly status: GuaranteeStatus
  /** Dutch explanation for the casemanager. */
  readonly reason: string
  /** The first day on which it no longer applied (lapsed only). */
  readonly lapsedOn?: IsoDate
  readonly source: string
}

/** A deadline as the contract rules see it (status before `due-soon`/`waived` refinement). */
export type GuaranteeStep = {
  readonly status: DeadlineStatus
  readonly due: IsoDate
  readonly doneOn?: IsoDate
}

/** An agreed voluntary extension of wage payment (T18): voids De Goudse's compensation. */
export type VoluntaryExtensionFact = {
  readonly weeks: number
  /** First day of the extension (the day after the 104 weeks). */
  readonly firstDay: IsoDate
  readonly requestedOn?: IsoDate | undefined
}

const late = (s: GuaranteeStep) => s.status === 'overdue' || s.status === 'done-late'

/**
 * The dossier's poortwachtergarantie from its profile's data (docs/timeline-contract.md, version
 * 1 rule, with the dossier's extra facts): not applicable where the product has no guarantee;
 * lapsed when a report with a term under the profile is late or missing (the first ziekmelding;
 * the loonsanctie notice where the profile sets a term, De Goudse seed 003 art. 2.3.3); lapsed
 * by an agreed voluntary extension where the profile names it as a ground (seed 003 art. 2.3.3);
 * otherwise active. The recorded grounds of contract version 2 are evaluated by
 * `evaluateGuarantee` (guarantee-evaluation.ts).
 */
export function poortwachtergarantie(
  profile: PolicyProfileId,
  report: GuaranteeStep,
  sanctionNotice?: GuaranteeStep,
  voluntaryExtension?: VoluntaryExtensionFact,
): Poortwachtergarantie {
  const p = policyProfile(profile)
  const dueDay = toEpochDay(report.due) // the version in force on the report's due day
  const offered = ruleOn(p.guarantee.offered, dueDay)
  if (!offered.value)
    return {
      status: 'not-applicable',
      reason: 'Geen verzuimverzekering met poortwachtergarantie.',
      source: citeClause(offered.clause),
    }
  const reportTerm = ruleOn(p.reportTerms['melding-arbodienst'], dueDay)
  if (reportTerm.value && late(report))
    return {
      status: 'lapsed',
      reason: report.doneOn
        ? `Ziekmelding aan de arbodienst te laat: uiterlijk ${formatDutchDate(report.due)}, gemeld op ${formatDutchDate(report.doneOn)}.`
        : `Ziekmelding aan de arbodienst niet gedaan: uiterlijk ${formatDutchDate(report.due)}.`,
      lapsedOn: addDays(report.due, 1),
      source: citeClause(reportTerm.clause),
    }
  if (sanctionNotice && late(sanctionNotice)) {
    const term = ruleOn(p.reportTerms.loonsanctie, toEpochDay(sanctionNotice.due))
    if (term.value)
      return {
        status: 'lapsed',
        reason: `Loonsanctie niet op tijd gemeld aan ${p.insurer ?? 'de verzekeraar'} (uiterlijk ${formatDutchDate(sanctionNotice.due)}).`,
        lapsedOn: addDays(sanctionNotice.due, 1),
        source: citeClause(term.clause),
      }
  }
  if (voluntaryExtension) {
    const on = voluntaryExtension.requestedOn ?? voluntaryExtension.firstDay
    const ground = ruleOn(p.guarantee.grounds['voluntary-extension'], toEpochDay(on))
    if (ground.value)
      return {
        status: 'lapsed',
        reason: `Vrijwillige verlenging van de loondoorbetaling (${voluntaryExtension.weeks} weken) afgesproken: ${p.insurer ?? 'de verzekeraar'} vergoedt dan geen loonsanctie.`,
        lapsedOn: on,
        source: citeClause(ground.clause),
      }
  }
  return {
    status: 'active',
    reason: reportTerm.value
      ? 'Ziekmelding tijdig (of de termijn loopt nog).'
      : 'Actief zolang de voorwaarden worden nageleefd (geen meldtermijn in de polisvoorwaarden).',
    source: citeClause(offered.clause),
  }
}

const NO_REPORTS: readonly ReportFact[] = []
const NO_GROUNDS: readonly GroundFact[] = []

/** The dossier's facts for contract version 2's guarantee (epoch days where a day is computed). */
export type DossierGuaranteeFacts = {
  readonly profile: PolicyProfileId
  readonly clock: Pick<CaseClock, 'd' | 'today' | 'periods'>
  /** The employee's sick report (default D) and the day it was passed on, when in this case. */
  readonly reportedByEmployee: number | undefined
  readonly firstReportDone: number | undefined
  readonly moduleStart?: IsoDate | undefined
  /** A UWV loonsanctie decision and the day the insurer was told of it. */
  readonly loonsanctieDecisionOn?: IsoDate | undefined
  readonly loonsanctieReportedOn?: number | undefined
  /** The day a voluntary extension was requested (or begins, when no request date is known). */
  readonly voluntaryExtensionOn?: number | undefined
}

/**
 * The guarantee of a dossier as contract version 2 states it (status with `at-risk`, reasons
 * with the clause each rests on), from the facts a dossier holds today: the first ziekmelding,
 * the module start, a loonsanctie and its notice, a voluntary extension. Later reports and
 * recorded grounds join here when the dossier records them.
 */
export function dossierContractGuarantee(f: DossierGuaranteeFacts): GuaranteeResult {
  const reports: readonly ReportFact[] = f.loonsanctieDecisionOn
    ? [
        {
          kind: 'loonsanctie',
          on: toEpochDay(f.loonsanctieDecisionOn),
          reportedOn: f.loonsanctieReportedOn,
        },
      ]
    : NO_REPORTS
  return evaluateGuarantee({
    profile: policyProfile(f.profile),
    d: f.clock.d,
    today: f.clock.today,
    periods: f.clock.periods,
    firstReport: {
      kind: 'melding-arbodienst',
      on: f.reportedByEmployee ?? f.clock.d,
      reportedOn: f.firstReportDone,
    },
    reports,
    moduleStart: f.moduleStart ? toEpochDay(f.moduleStart) : undefined,
    employmentStart: undefined,
    guaranteeOnPolicy: true,
    events:
      f.voluntaryExtensionOn === undefined
        ? NO_GROUNDS
        : [{ ground: 'voluntary-extension', on: f.voluntaryExtensionOn }],
  })
}
