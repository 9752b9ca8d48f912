import type { PolicyProfileId } from '../domain/policy-profile'

/**
 * Every number of the law and the contracts, in one table with its source, evidence level and
 * validity (poortwachter-domain.md §7.1). A change in the law is a change of data here.
 * Evidence levels as in the domain document §0.1.
 */
export type Evidence =
  'LAW' | 'REG' | 'UWV-BR' | 'UWV' | 'AP' | 'PRACTICE' | 'CONTRACT' | 'UNVERIFIED'

export type Parameter = {
  readonly value: number
  readonly unit:
    'calendar-days' | 'counted-day-index' | 'hours' | 'working-days' | 'months' | 'years' | 'euro'
  readonly source: string
  readonly evidence: Evidence
  readonly validFrom: string
  readonly validTo?: string
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
  /** Practice default for the report to the arbodienst: within the first week (D+6). */
  arboReportDaysWettelijk: {
    value: 6,
    unit: 'calendar-days',
    source: 'Regeling procesgang art. 2 lid 1 ("tijdig"); praktijk: binnen een week (domein §2.2)',
    evidence: 'PRACTICE',
    validFrom: '2002-04-01',
  },
  arboReportDaysAmersfoortse: {
    value: 2,
    unit: 'calendar-days',
    source: 'Voorwaarden Ontzorgmanager De Amersfoortse art. 4.1 (seed 000)',
    evidence: 'CONTRACT',
    validFrom: '2020-01-01',
  },
  arboReportDaysGoudse: {
    value: 4,
    unit: 'calendar-days',
    source: 'Arbo- en verzuimbegeleiding Op Maat De Goudse art. 4.1 (seed 003)',
    evidence: 'CONTRACT',
    validFrom: '2020-01-01',
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
      'WIA art. 64 lid 3: uiterlijk elf weken voor het einde van de wachttijd (einde week 93)',
    evidence: 'LAW',
    validFrom: '2013-01-01',
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
      'WIA art. 64 lid 2: UWV informeert uiterlijk op de dag waarop de wachttijd 89 weken heeft geduurd',
    evidence: 'LAW',
    validFrom: '2013-01-01',
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
  goudseArboFromDays: {
    value: 28,
    unit: 'calendar-days',
    source:
      'De Goudse Op Maat art. 2.1 en 2.3.3 (seed 003): de werkgever begeleidt alleen in week 1–4; vanaf week 5 (D+28) de arbo- en verzuimbegeleider',
    evidence: 'CONTRACT',
    validFrom: '2020-01-01',
  },
  goudseSanctionNoticeWorkingDays: {
    value: 5,
    unit: 'working-days',
    source:
      'De Goudse Op Maat art. 2.3.3 (seed 003): u brengt ons binnen vijf werkdagen op de hoogte van de loonsanctie',
    evidence: 'CONTRACT',
    validFrom: '2020-01-01',
  },
  terugvalAbsentMonths: {
    value: 3,
    unit: 'months',
    source:
      'a.s.r. MKB Verzuim-ontzorgverzekering (seed 002) en verrichtingenlijst (seed 004): langer dan 3 maanden ziek; uitleg domein §6.2 ASR-T2',
    evidence: 'UNVERIFIED',
    validFrom: '2020-01-01',
  },
  terugvalBackAtWorkMonths: {
    value: 6,
    unit: 'months',
    source:
      'a.s.r. MKB Verzuim-ontzorgverzekering (seed 002): inmiddels 6 maanden hersteld, dan neemt de Ontzorgmanager contact op',
    evidence: 'CONTRACT',
    validFrom: '2020-01-01',
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

/** The current value of a parameter (its source and validity stay in `PARAMETERS`). */
export const param = (key: ParameterKey): number => PARAMETERS[key].value

/** Reporting term to the arbodienst per policy profile (domain §6.1). */
export function arboReportDays(profile: PolicyProfileId): number {
  switch (profile) {
    case 'amersfoortse-ontzorgmanager':
      return param('arboReportDaysAmersfoortse')
    case 'goudse-op-maat':
      return param('arboReportDaysGoudse')
    case 'asr-reintegratiemanager':
    case 'wettelijk':
      return param('arboReportDaysWettelijk')
  }
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
