import { employeeFullName } from '../domain/entities'
import type { IsoDate } from '../kernel/iso-date'
import { caseFirstSickDay, exportDate, type RuleCoreDates } from './case-facts'
import type { DossierExport } from './dossier-export'
import { MELDING_42_CHANNEL_LABELS, type Melding42Record } from './records'

/**
 * The 42-week report data sheet (uwv-forms §5.1, §5.3; domain §2.8, §4.5): the fields UWV's
 * Verzuimmelder, its paper form or an insurer's portal ask for, to be typed in by hand. Hervat
 * has no Digipoort link. Nothing medical: the report needs only identities and dates.
 */

export const MELDING_42_FORMAT = 'hervat-42e-weeksmelding'

export type Melding42 = {
  readonly format: typeof MELDING_42_FORMAT
  readonly version: 1
  readonly aangemaaktOp: IsoDate
  readonly werkgever: {
    readonly naam: string
    readonly loonheffingennummer: string | null
    readonly kvkNummer: string | null
    readonly contactpersoon: {
      readonly naam: string | null
      readonly telefoon: string | null
      readonly email: string | null
    }
  }
  readonly werknemer: {
    readonly burgerservicenummer: string
    readonly naam: string
    readonly voornaam: string
    readonly tussenvoegsel: string | null
    readonly achternaam: string
    readonly geboortedatum: IsoDate
    readonly functie: string
    readonly contracturenPerWeek: number
    readonly datumInDienst: IsoDate
    readonly datumUitDienst: IsoDate | null
    /**
     * Hours the employee works now (Regeling procesgang art. 3: hours actually worked): the
     * latest partial recovery or evaluation of this case on or before the sheet's date.
     */
    readonly urenGewerktPerWeek: {
      readonly uren: number
      readonly vastgelegdOp: IsoDate
      readonly bron: 'gedeeltelijk herstel' | 'evaluatie'
    } | null
  }
  readonly verzuim: {
    /** After aggregation of periods less than four weeks apart, as the rule core counts. */
    readonly eersteZiektedag: IsoDate | null
    /** The rule core's latest date for the report (week 42). */
    readonly uitersteMeldingsdatum: IsoDate | null
    readonly arbeidsongevalOfBeroepsziekte: boolean
    readonly regresMogelijk: boolean
    /** No-risk / vangnet: with a running ZW benefit no 42-week report is made (ZW art. 38 lid 4). */
    readonly vangnetregeling: 'ja' | 'nee' | 'onbekend'
  }
  readonly arbodienst: {
    readonly naam: string | null
    readonly contactpersoon: string | null
    readonly telefoon: string | null
    readonly email: string | null
  }
  /** The report as made (domain §4.5: reporter, report date, UWV kenmerk); null until registered. */
  readonly melding: {
    readonly gemeldOp: IsoDate
    readonly gemeldDoor: string
    readonly kanaal: Melding42Record['channel']
    readonly kanaalOmschrijving: string
    readonly uwvKenmerk: string | null
  } | null
  readonly opmerkingen: readonly string[]
}

/** The hours worked now: the latest dated record of them in this case, up to `asOf`. */
export function currentHoursWorked(
  exp: DossierExport,
  from: IsoDate | undefined,
  asOf: IsoDate,
): Melding42['werknemer']['urenGewerktPerWeek'] {
  let out: Melding42['werknemer']['urenGewerktPerWeek'] = null
  const consider = (
    date: IsoDate | undefined,
    hours: number | undefined,
    bron: 'gedeeltelijk herstel' | 'evaluatie',
  ) => {
    if (!date || hours === undefined || date > asOf || (from && date < from)) return
    if (!out || date >= out.vastgelegdOp) out = { uren: hours, vastgelegdOp: date, bron }
  }
  for (const p of exp.partialRecoveries) consider(p.date, p.hoursPerWeek, 'gedeeltelijk herstel')
  for (const e of exp.documents.evaluaties) consider(e.date, e.hoursWorkedPerWeek, 'evaluatie')
  return out
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v)

export function buildMelding42(
  exp: DossierExport,
  dates?: RuleCoreDates & { readonly reportDue?: IsoDate },
): Melding42 {
  const w = exp.employer
  const e = exp.employee
  const d = exp.dossier
  const notes: string[] = []
  if (!w.loonheffingennummer)
    notes.push(
      'Het loonheffingennummer ontbreekt: zonder dit nummer kan niet digitaal worden gemeld.',
    )
  if (d.safetyNet === 'ja')
    notes.push(
      'Vangnetregeling: loopt er al een Ziektewet-uitkering, dan is geen 42e-weeksmelding nodig (ZW art. 38 lid 4). Controleer de beslissing van UWV.',
    )
  if (d.safetyNet === 'onbekend')
    notes.push('Niet vastgelegd of de vangnetregeling van toepassing is.')
  const first = caseFirstSickDay(exp, dates)
  const made = exp.documents.melding42
  // A report of an earlier case (before this case's first sick day) is not this case's report.
  const report = made && (!first || made.date >= first) ? made : undefined
  if (!report)
    notes.push(
      'Nog niet vastgelegd wanneer, door wie en met welk kenmerk van UWV de melding is gedaan.',
    )
  return {
    format: MELDING_42_FORMAT,
    version: 1,
    aangemaaktOp: exportDate(exp),
    werkgever: {
      naam: w.name,
      loonheffingennummer: orNull(w.loonheffingennummer),
      kvkNummer: orNull(w.kvkNumber),
      contactpersoon: {
        naam: orNull(w.contactPerson.name),
        telefoon: orNull(w.contactPerson.phone),
        email: orNull(w.contactPerson.email),
      },
    },
    werknemer: {
      burgerservicenummer: e.bsn,
      naam: employeeFullName(e),
      voornaam: e.firstName,
      tussenvoegsel: orNull(e.infix),
      achternaam: e.lastName,
      geboortedatum: e.dateOfBirth,
      functie: e.jobTitle,
      contracturenPerWeek: e.contractHoursPerWeek,
      datumInDienst: e.employmentStart,
      datumUitDienst: orNull(e.employmentEnd),
      urenGewerktPerWeek: currentHoursWorked(exp, first, exportDate(exp)),
    },
    verzuim: {
      eersteZiektedag: orNull(first),
      uitersteMeldingsdatum: orNull(dates?.reportDue),
      arbeidsongevalOfBeroepsziekte: d.workAccident,
      regresMogelijk: d.thirdPartyLiable,
      vangnetregeling: d.safetyNet,
    },
    arbodienst: {
      naam: orNull(d.arbodienst.organisation),
      contactpersoon: orNull(d.arbodienst.name),
      telefoon: orNull(d.arbodienst.phone),
      email: orNull(d.arbodienst.email),
    },
    melding: report
      ? {
          gemeldOp: report.date,
          gemeldDoor: report.reportedBy,
          kanaal: report.channel,
          kanaalOmschrijving: MELDING_42_CHANNEL_LABELS[report.channel],
          uwvKenmerk: orNull(report.uwvKenmerk),
        }
      : null,
    opmerkingen: notes,
  }
}
