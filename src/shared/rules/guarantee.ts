import type { PolicyProfileId } from '../domain/policy-profile'
import { addDays, formatDutchDate, type IsoDate } from '../kernel/iso-date'
import { guaranteeStatus, type DeadlineStatus, type GuaranteeStatus } from './timeline'

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

function reportLapse(profile: PolicyProfileId, report: GuaranteeStep): Poortwachtergarantie {
  const source =
    profile === 'amersfoortse-ontzorgmanager'
      ? 'Voorwaarden Ontzorgmanager De Amersfoortse art. 4.1–4.2 (seed 000): ziekmelding binnen twee dagen; te laat melden ⇒ de poortwachtergarantie vervalt voor deze medewerker.'
      : 'Arbo- en verzuimbegeleiding Op Maat De Goudse art. 4.1–4.2 (seed 003): melding uiterlijk binnen vier dagen; niet nagekomen ⇒ geen vergoeding van een loonsanctie.'
  return {
    status: 'lapsed',
    reason: report.doneOn
      ? `Ziekmelding aan de arbodienst te laat: uiterlijk ${formatDutchDate(report.due)}, gemeld op ${formatDutchDate(report.doneOn)}.`
      : `Ziekmelding aan de arbodienst niet gedaan: uiterlijk ${formatDutchDate(report.due)}.`,
    lapsedOn: addDays(report.due, 1),
    source,
  }
}

/**
 * Contract rule (timeline-contract.md "poortwachtergarantie"): `not-applicable` for
 * `wettelijk`; Amersfoortse and Goudse `lapsed` when `melding-arbodienst` is done late or
 * overdue (seed 000 art. 4.2, seed 003 art. 4.2); a.s.r. Re-integratiemanager always `active`
 * (seed 001 sets no reporting term; its lapse grounds, art. 4.2, are not timeline facts).
 * The dossier adds one more timeline fact for De Goudse: a loonsanctie not reported within five
 * working days (seed 003 art. 2.3.3) means no compensation.
 */
export function poortwachtergarantie(
  profile: PolicyProfileId,
  report: GuaranteeStep,
  goudseSanctionNotice?: GuaranteeStep,
  voluntaryExtension?: VoluntaryExtensionFact,
): Poortwachtergarantie {
  switch (profile) {
    case 'wettelijk':
      return {
        status: 'not-applicable',
        reason: 'Geen verzuimverzekering met poortwachtergarantie.',
        source: 'Wettelijk profiel: geen verzekeraarsvoorwaarden.',
      }
    case 'asr-reintegratiemanager':
      return {
        status: 'active',
        reason:
          'Actief zolang de adviezen van de casemanager worden opgevolgd en informatie tijdig wordt gegeven (niet uit de termijnen af te leiden).',
        source:
          'Voorwaarden Re-integratiemanager a.s.r. art. 3.5 en 4.2 (seed 001); alleen als het polisblad de garantie noemt.',
      }
    case 'amersfoortse-ontzorgmanager':
      return guaranteeStatus(profile, report.status) === 'lapsed'
        ? reportLapse(profile, report)
        : {
            status: 'active',
            reason: 'Ziekmelding tijdig (of de termijn loopt nog).',
            source:
              'Voorwaarden Ontzorgmanager De Amersfoortse art. 3.5 en 4.2 (seed 000): diensten lopen door tijdens een door UWV opgelegde verlenging.',
          }
    case 'goudse-op-maat':
      if (guaranteeStatus(profile, report.status) === 'lapsed') return reportLapse(profile, report)
      if (goudseSanctionNotice && late(goudseSanctionNotice))
        return {
          status: 'lapsed',
          reason: `Loonsanctie niet binnen vijf werkdagen gemeld aan De Goudse (uiterlijk ${formatDutchDate(goudseSanctionNotice.due)}).`,
          lapsedOn: addDays(goudseSanctionNotice.due, 1),
          source:
            'Arbo- en verzuimbegeleiding Op Maat De Goudse art. 2.3.3 (seed 003): u brengt ons binnen vijf werkdagen op de hoogte van de loonsanctie.',
        }
      if (voluntaryExtension)
        return {
          status: 'lapsed',
          reason: `Vrijwillige verlenging van de loondoorbetaling (${voluntaryExtension.weeks} weken) afgesproken: De Goudse vergoedt dan geen loonsanctie.`,
          lapsedOn: voluntaryExtension.requestedOn ?? voluntaryExtension.firstDay,
          source:
            'Arbo- en verzuimbegeleiding Op Maat De Goudse art. 2.3.3 (seed 003): geen vergoeding als u vrijwillig het loon langer doorbetaalt (PG-GOU-8, domein §2.18).',
        }
      return {
        status: 'active',
        reason: 'Ziekmelding tijdig (of de termijn loopt nog).',
        source:
          'Arbo- en verzuimbegeleiding Op Maat De Goudse art. 2.3 (seed 003): vergoeding van een loonsanctie (70 % plus 25 % werkgeverslasten) onder de voorwaarden van art. 2.3.3.',
      }
  }
}
