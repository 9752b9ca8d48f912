import { employeeFullName } from '../domain/entities'
import type { IsoDate } from '../kernel/iso-date'
import { caseFirstSickDay, exportDate, type RuleCoreDates } from './case-facts'
import type { DossierExport } from './dossier-export'

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
  readonly opmerkingen: readonly string[]
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
    },
    verzuim: {
      eersteZiektedag: orNull(caseFirstSickDay(exp, dates)),
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
    opmerkingen: notes,
  }
}
