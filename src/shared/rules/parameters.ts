import { toEpochDay, type IsoDate } from '../kernel/iso-date'

/**
 * Every number of the law and the contracts, in one table with its source, evidence level and
 * validity (poortwachter-domain.md §7.1). A change in the law is a change of data here. The
 * values of an insurer's product (reporting terms, takeover weeks, terugvalpreventie …) are
 * in its policy profile (profiles/, ADR 0013), with the clause and validity of each.
 * Evidence levels as in the domain document §0.1.
 */
export type Evidence =
  'LAW' | 'REG' | 'UWV-BR' | 'UWV' | 'AP' | 'PRACTICE' | 'CONTRACT' | 'UNVERIFIED'

/** One version of a parameter: its value and the law or contract text it rests on, from–to. */
export type ParameterVersion = {
  readonly value: number
  readonly source: string
  readonly evidence: Evidence
  readonly validFrom: string
  readonly validTo?: string
}

/**
 * A parameter: its current version, plus the versions before it (`earlier`, newest first, each
 * ending before the next begins). `calendar-day-index`: the n-th calendar day counted from a
 * start day (day 1), e.g. "the 4th sick day".
 */
export type Parameter = ParameterVersion & {
  readonly unit:
    | 'calendar-days'
    | 'calendar-day-index'
    | 'counted-day-index'
    | 'hours'
    | 'working-days'
    | 'weeks'
    | 'months'
    | 'years'
    | 'euro'
  readonly earlier?: readonly ParameterVersion[]
}

export const PARAMETERS = {
  /** Samentelling: periods separated by less than this many days form one case. */
  chainGapDays: {
    value: 28,
    unit: 'calendar-days',
    source: 'BW 7:629 lid 10; WIA 23 lid 3; ZW 29 lid 5 ("minder dan vier weken"); domein §3.2',
    evidence: 'LAW',
    validFrom: '2004-01-01',
  },
  probleemanalyseDay: {
    value: 42,
    unit: 'counted-day-index',
    source: 'Regeling procesgang art. 2 lid 2: binnen zes weken (einde week 6)',
    evidence: 'REG',
    validFrom: '2002-04-01',
  },
  planVanAanpakDaysAfterPa: {
    value: 14,
    unit: 'calendar-days',
    source: 'Regeling procesgang art. 4 lid 1: binnen twee weken na het oordeel',
    evidence: 'REG',
    validFrom: '2002-04-01',
  },
  planVanAanpakDay: {
    value: 56,
    unit: 'counted-day-index',
    source: 'Regeling procesgang art. 2 en 4: 6 + 2 weken (einde week 8)',
    evidence: 'REG',
    validFrom: '2002-04-01',
  },
  melding42Day: {
    value: 294,
    unit: 'counted-day-index',
    source:
      'ZW art. 38 lid 1: uiterlijk op de eerste dag nadat de ongeschiktheid 42 weken heeft geduurd',
    evidence: 'LAW',
    validFrom: '2006-01-01',
  },
  eerstejaarsevaluatieDay: {
    value: 364,
    unit: 'counted-day-index',
    source:
      'Regeling procesgang art. 4 lid 2 sub b: aan het einde van het eerste ziektejaar (einde week 52)',
    evidence: 'REG',
    validFrom: '2002-04-01',
  },
  eerstejaarsevaluatieWindowStartDay: {
    value: 316,
    unit: 'counted-day-index',
    source: 'Praktijk: eerstejaarsevaluatie in week 46–52 (domein §2.9)',
    evidence: 'PRACTICE',
    validFrom: '2002-04-01',
  },
  reintegratieverslagDay: {
    value: 637,
    unit: 'counted-day-index',
    source:
      'WIA art. 25 lid 3 jo. art. 64 lid 3: uiterlijk 13 weken voor het einde van de wachttijd (einde week 91)',
    evidence: 'LAW',
    validFrom: '2013-01-01',
  },
  wiaAanvraagDay: {
    value: 651,
    unit: 'counted-day-index',
    source:
      'WIA art. 64 lid 3 (Verzamelwet SZW 2013): uiterlijk elf weken voor het einde van de wachttijd (einde week 93). Daarvoor dertien weken (week 91); die oudere versie staat hier niet, omdat het tijdlijncontract nth(651) voorschrijft',
    evidence: 'LAW',
    validFrom: '2013-07-01',
  },
  lastWageDay: {
    value: 728,
    unit: 'counted-day-index',
    source: 'BW 7:629 lid 1; WIA art. 23 lid 1: 104 weken',
    evidence: 'LAW',
    validFrom: '2004-01-01',
  },
  uwvWiaLetterDay: {
    value: 623,
    unit: 'counted-day-index',
    source:
      'WIA art. 64 lid 2 (Verzamelwet SZW 2013): UWV informeert uiterlijk op de dag waarop de wachttijd 89 weken heeft geduurd. Inwerkingtreding 1 juli 2013 volgens de beoogde datum (Van Zijl Advocaten 2013, domein §2.12, S18); te bevestigen in het Staatsblad',
    evidence: 'LAW',
    validFrom: '2013-07-01',
    earlier: [
      {
        value: 609,
        source:
          'WIA art. 64 lid 2 (tekst vóór de Verzamelwet SZW 2013): UWV informeert na 87 weken (domein §2.12, S18)',
        evidence: 'LAW',
        validFrom: '2005-12-29',
        validTo: '2013-06-30',
      },
    ],
  },
  spoor2DaysAfterEje: {
    value: 42,
    unit: 'calendar-days',
    source:
      'Praktijk: spoor 2 uiterlijk 6 weken na de eerstejaarsevaluatie starten (domein §2.10; Beleidskader poortwachter §8)',
    evidence: 'PRACTICE',
    validFrom: '2002-04-01',
  },
  loonsanctieMaxDays: {
    value: 364,
    unit: 'calendar-days',
    source: 'WIA art. 25 lid 9: loonsanctie van ten hoogste 52 weken',
    evidence: 'LAW',
    validFrom: '2004-01-01',
  },
  uwv42FineMaxEur: {
    value: 455,
    unit: 'euro',
    source:
      'ZW art. 38 lid 3: bestuurlijke boete van ten hoogste €455 voor een ontbrekende of te late 42e-weeksmelding',
    evidence: 'LAW',
    validFrom: '2017-04-01',
  },
  deskundigenoordeelFeeEur: {
    value: 400,
    unit: 'euro',
    source: 'UWV: vergoeding deskundigenoordeel voor de werkgever (jaarlijks controleren)',
    evidence: 'UWV',
    validFrom: '2024-01-01',
  },
  retentionReintegrationYears: {
    value: 2,
    unit: 'years',
    source:
      'AP beleidsregels De zieke werknemer §6.1 (via Rendement 2016): re-integratiedossier tot twee jaar na afronding van de re-integratie',
    evidence: 'AP',
    validFrom: '2016-04-01',
  },
  retentionShortAbsenceYears: {
    value: 2,
    unit: 'years',
    source:
      'AP beleidsregels De zieke werknemer §6.1 (via Rendement 2016): verzuimadministratie tot twee jaar na einde dienstverband',
    evidence: 'AP',
    validFrom: '2016-04-01',
  },
  retentionErdZwYears: {
    value: 5,
    unit: 'years',
    source:
      'AP beleidsregels De zieke werknemer §6.1 (via Rendement 2016): eigenrisicodrager Ziektewet, vijf jaar',
    evidence: 'AP',
    validFrom: '2016-04-01',
  },
  /** Employer and employee evaluate the re-integration at least every six weeks. */
  evaluatieIntervalDays: {
    value: 42,
    unit: 'calendar-days',
    source:
      'Regeling procesgang art. 4 lid 2 sub b ("periodiek"); UWV, Creating an action plan: employer and employee meet at least once every 6 weeks (domein §2.6)',
    evidence: 'UWV',
    validFrom: '2002-04-01',
  },
  /** Ziek uit dienst: from six weeks of sickness a re-integratieverslag is due on the last working day. */
  ziekUitDienstRivMinDays: {
    value: 42,
    unit: 'calendar-days',
    source:
      'ZW art. 38 lid 2: ten minste zes weken tussen de eerste ziektedag en de laatste werkdag ⇒ re-integratieverslag uiterlijk op die laatste werkdag (domein §2.20)',
    evidence: 'LAW',
    validFrom: '2006-01-01',
  },
  /** ZW 38a lid 3: a safety-net (vangnet) case is reported to UWV within six weeks after D. */
  zwVangnetReportDay: {
    value: 42,
    unit: 'calendar-day-index',
    source:
      'ZW art. 38a lid 3: bij een vangnetregeling (no-risk, ziekte door zwangerschap vóór het verlof, orgaandonatie) ziekmelding bij UWV binnen zes weken na de eerste ziektedag (domein §3.3, §3.6, §7.1)',
    evidence: 'LAW',
    validFrom: '2006-01-01',
  },
  /** ZW 38a lid 2: in the flexible period and after the leave, report by the 4th sick day. */
  zwPregnancyReportDay: {
    value: 4,
    unit: 'calendar-day-index',
    source:
      'ZW art. 38a lid 2: ziek in de flexibele periode vóór het zwangerschapsverlof of na het bevallingsverlof ⇒ ziekmelding bij UWV uiterlijk op de vierde ziektedag (domein §3.3; Brightmine S33)',
    evidence: 'LAW',
    validFrom: '2006-01-01',
  },
  /** Flexible period: from six weeks before the day after the expected delivery date … */
  zwFlexPeriodFromDaysBefore: {
    value: 42,
    unit: 'calendar-days',
    source:
      'WAZO art. 3:1 lid 2 jo. ZW art. 29a lid 2: de flexibele periode van zes tot vier weken vóór de dag na de vermoedelijke bevallingsdatum (domein §3.3)',
    evidence: 'LAW',
    validFrom: '2006-01-01',
  },
  /** … to four weeks before it (exclusive). */
  zwFlexPeriodUntilDaysBefore: {
    value: 28,
    unit: 'calendar-days',
    source:
      'WAZO art. 3:1 lid 2 jo. ZW art. 29a lid 2: de flexibele periode eindigt vier weken vóór de dag na de vermoedelijke bevallingsdatum (domein §3.3)',
    evidence: 'LAW',
    validFrom: '2006-01-01',
  },
  /**
   * WIA 64 lid 6: the extra term for a WIA application after a late UWV letter is lost when the
   * 42-week report was not made before the waiting time lasted 81 weeks (the 567th counted day).
   */
  melding42Before81WeeksDay: {
    value: 567,
    unit: 'counted-day-index',
    source:
      'WIA art. 64 lid 6: geen extra termijn voor de WIA-aanvraag als de 42e-weeksmelding niet is gedaan vóór de dag waarop de wachttijd 81 weken heeft geduurd (domein §2.8, §7.1)',
    evidence: 'LAW',
    validFrom: '2013-07-01',
  },
  /** UWV: a voluntary extension lasts at least 13 weeks (no maximum). */
  voluntaryExtensionMinWeeks: {
    value: 13,
    unit: 'weeks',
    source:
      'UWV (ERD-WGA, S15): de minimumperiode van de vrijwillige verlenging is 13 weken, er is geen maximum; WIA art. 24 lid 1',
    evidence: 'UWV',
    validFrom: '2006-01-01',
  },
  cancellationHours: {
    value: 24,
    unit: 'hours',
    source:
      'De Amersfoortse art. 4.3 (seed 000), De Goudse art. 4.1–4.2 (seed 003), verrichtingenlijst (seed 004): afzeggen tot 24 uur vooraf',
    evidence: 'CONTRACT',
    validFrom: '2020-01-01',
  },
} as const satisfies Record<string, Parameter>

export type ParameterKey = keyof typeof PARAMETERS

/** A calendar fact, not a legal parameter: week k of sickness is counted days 7(k−1)+1 … 7k. */
export const DAYS_PER_WEEK = 7

/** A parameter table: the built-in `PARAMETERS`, or another with the same keys (tests, a new law). */
export type ParameterTable = { readonly [K in ParameterKey]: Parameter }

/** The current value of a parameter (its source and validity stay in `PARAMETERS`). */
export const param = (key: ParameterKey): number => PARAMETERS[key].value

/**
 * A counted-day deadline `nth(value) + offset` under the law in force on its due day (see
 * `dueUnderLaw`); no closure on the common single-version path.
 */
export function nthUnderLaw(
  table: ParameterTable,
  key: ParameterKey,
  clock: { nth(n: number): number },
  offset = 0,
): number {
  const p = table[key]
  if (!p.earlier?.length && p.validTo === undefined) return clock.nth(p.value) + offset
  return dueUnderLaw(table, key, (v) => clock.nth(v) + offset)
}

/** All versions of a parameter, newest first. */
export function versionsOf(p: Parameter): readonly ParameterVersion[] {
  return p.earlier?.length ? [p, ...p.earlier] : [p]
}

/**
 * The version of a parameter in force on `date`. Before its first version, the oldest one (the
 * table holds nothing earlier).
 */
export function versionOn(
  key: ParameterKey,
  date: IsoDate,
  table: ParameterTable = PARAMETERS,
): ParameterVersion {
  const versions = versionsOf(table[key])
  for (const v of versions) if (v.validFrom <= date && (!v.validTo || date <= v.validTo)) return v
  return versions[versions.length - 1] as ParameterVersion
}

/** The value of a parameter in force on `date`. */
export const paramOn = (key: ParameterKey, date: IsoDate, table: ParameterTable = PARAMETERS) =>
  versionOn(key, date, table).value

/**
 * A deadline under the law in force on the day it falls due: `dueOf(value)` gives the due day
 * (epoch day) under one version's value; the newest version whose validity contains its own due
 * day wins. A change in the table therefore moves only deadlines that fall on or after its
 * `validFrom`. A parameter with one open-ended version is used as is (the common, fast case).
 */
export function dueUnderLaw(
  table: ParameterTable,
  key: ParameterKey,
  dueOf: (value: number) => number,
): number {
  const p = table[key]
  if (!p.earlier?.length && p.validTo === undefined) return dueOf(p.value)
  let due = 0
  for (const v of versionsOf(p)) {
    due = dueOf(v.value)
    if (
      due >= toEpochDay(v.validFrom as IsoDate) &&
      (!v.validTo || due <= toEpochDay(v.validTo as IsoDate))
    )
      return due
  }
  return due // before the oldest version: the oldest one
}

/**
 * Product defaults of Hervat, not law: how near a deadline must be to count as due soon, and the
 * urgency buckets of the caseload (issue: "overdue first, then due within 7 days, then 14").
 */
export const PRODUCT_DEFAULTS = {
  dueSoonDays: 14,
  urgencyFirstBucketDays: 7,
  urgencySecondBucketDays: 14,
} as const
