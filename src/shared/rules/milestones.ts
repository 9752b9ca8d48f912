import { param } from './parameters'
import type { DeadlineKey } from './timeline'

/**
 * What the app shows for each deadline: Dutch label, severity, the rule it rests on (domain §2,
 * §6), its number in the domain table (T02–T20, or the seed rule id), and whether it is an
 * action someone must take or an event that simply happens (an event is never overdue).
 */
export type Severity = 'law' | 'uwv-policy' | 'practice' | 'contract'
export type MilestoneKind = 'action' | 'event'
export type MilestoneKey =
  | DeadlineKey
  | 'periodieke-evaluatie'
  | 'einde-loondoorbetaling'
  | 'overdracht-arbo-goudse'
  | 'melding-loonsanctie-goudse'
  | 'terugvalpreventie'
  | 'spoor-2-start'
  | 'actueel-oordeel'
  | 'uwv-wia-brief'
  | 'ziek-uit-dienst'
  | 'einde-loonsanctie'
  | 'melding-uwv-vangnet'
  | 'melding-uwv-flexperiode'
  | 'melding-uwv-na-verlof'
  | 'melding-uwv-42-week-81'
  | 'vrijwillige-verlenging'
  | 'ontzorgmanager-inzetten'

export type MilestoneInfo = {
  readonly label: string
  readonly severity: Severity
  readonly source: string
  readonly code: string
  readonly kind: MilestoneKind
  /**
   * Whether a motivated "vervallen" (waived) mark may replace it. Regeling procesgang art. 5
   * allows deviating, with reasons, from the terms of art. 2 and 4 (report, probleemanalyse,
   * plan van aanpak, evaluations); practice and contract steps may be skipped with reasons too;
   * the 42-week report does not apply to an employee on ZW benefit (ZW 38 lid 4). The statutory
   * steps of the second year (RIV, WIA application, ziek uit dienst) cannot be waived.
   */
  readonly waivable: boolean
}

const euro = (n: number) => `€${n}`

export const MILESTONE_INFO: Record<MilestoneKey, MilestoneInfo> = {
  'melding-arbodienst': {
    code: 'T02',
    waivable: true,
    kind: 'action',
    label: 'Ziekmelding aan arbodienst/verzekeraar',
    severity: 'practice',
    source:
      'Regeling procesgang art. 2 lid 1: de werkgever meldt tijdig aan de arbodienst; praktijk binnen een week. Polis: De Amersfoortse binnen 2 dagen (art. 4.1), De Goudse binnen 4 dagen (art. 4.1); te laat melden kan de poortwachtergarantie laten vervallen.',
  },
  probleemanalyse: {
    code: 'T03',
    waivable: true,
    kind: 'action',
    label: 'Probleemanalyse bedrijfsarts',
    severity: 'law',
    source:
      'Regeling procesgang art. 2 lid 2: oordeel van de bedrijfsarts binnen zes weken na de eerste ziektedag (einde week 6).',
  },
  'plan-van-aanpak': {
    code: 'T04/T05',
    waivable: true,
    kind: 'action',
    label: 'Plan van aanpak (met aangewezen casemanager)',
    severity: 'law',
    source:
      'Regeling procesgang art. 4 lid 1: binnen twee weken na de probleemanalyse (ook als die te laat was); zolang er geen probleemanalyse is: einde week 8. Het plan wijst de casemanager aan (art. 4 lid 2 sub c). Afwijken kan alleen gemotiveerd (art. 5).',
  },
  'melding-uwv-42': {
    code: 'T08',
    waivable: true,
    kind: 'action',
    label: '42e-weeksmelding aan UWV',
    severity: 'law',
    source: `Ziektewet art. 38 lid 1: uiterlijk op de eerste dag nadat de ongeschiktheid 42 weken heeft geduurd (samengeteld, zonder verlofdagen). Te laat: bestuurlijke boete tot ${euro(param('uwv42FineMaxEur'))} (art. 38 lid 3), geen loonsanctie; wel verlies van de extra termijn voor de WIA-aanvraag (WIA art. 64 lid 6).`,
  },
  eerstejaarsevaluatie: {
    code: 'T09',
    waivable: true,
    kind: 'action',
    label: 'Eerstejaarsevaluatie',
    severity: 'law',
    source:
      'Regeling procesgang art. 4 lid 2 sub b: evaluatie aan het einde van het eerste ziektejaar; in de praktijk in week 46–52.',
  },
  're-integratieverslag': {
    code: 'T13/T14',
    waivable: false,
    kind: 'action',
    label: 'Re-integratieverslag en eindevaluatie',
    severity: 'law',
    source:
      'WIA art. 25 lid 3: uiterlijk dertien weken voor het einde van de wachttijd (einde week 91), met een afschrift aan de werknemer.',
  },
  'wia-aanvraag': {
    code: 'T15',
    waivable: false,
    kind: 'action',
    label: 'WIA-aanvraag door de werknemer',
    severity: 'law',
    source:
      'WIA art. 64 lid 3: uiterlijk elf weken voor het einde van de wachttijd (einde week 93).',
  },
  'overdracht-arbo-goudse': {
    code: 'GOU-T1',
    waivable: false,
    kind: 'event',
    label: 'Arbo- en verzuimbegeleider neemt over (week 5)',
    severity: 'contract',
    source:
      'De Goudse Op Maat art. 2.1 en 2.3.3: in week 1–4 begeleidt de werkgever alleen en moet die begeleiding aan de wet voldoen; vanaf week 5 begeleidt de arbo- en verzuimbegeleider.',
  },
  'melding-loonsanctie-goudse': {
    code: 'PG-GOU-4',
    waivable: false,
    kind: 'action',
    label: 'Loonsanctie melden aan De Goudse',
    severity: 'contract',
    source:
      'De Goudse Op Maat art. 2.3.3: meld een loonsanctie van UWV binnen vijf werkdagen, anders vervalt de vergoeding (poortwachtergarantie).',
  },
  terugvalpreventie: {
    code: 'ASR-T2',
    waivable: true,
    kind: 'action',
    label: 'Terugvalpreventie: contact met werknemer',
    severity: 'contract',
    source:
      'a.s.r. MKB Verzuim-ontzorgverzekering (polisvoorwaarden en verrichtingenlijst): na meer dan 3 maanden verzuim en 6 maanden herstel neemt de Ontzorgmanager contact op. Uitleg van de termijnen niet bevestigd.',
  },
  'spoor-2-start': {
    code: 'T10',
    waivable: true,
    kind: 'action',
    label: 'Spoor 2 gestart (of gemotiveerd niet nodig)',
    severity: 'practice',
    source:
      'BW 7:658a lid 1; Beleidskader poortwachter §8: bij de eerstejaarsevaluatie beslissen over spoor 2; praktijk: uiterlijk 6 weken daarna starten. Niet nodig? Vastleggen als vervallen met de motivering (concreet perspectief in eigen bedrijf).',
  },
  'actueel-oordeel': {
    code: 'T11',
    waivable: false,
    kind: 'action',
    label: 'Actueel oordeel bedrijfsarts',
    severity: 'uwv-policy',
    source:
      'Regeling procesgang art. 6 lid 1 sub j: het re-integratieverslag bevat een actueel oordeel van de bedrijfsarts, op te stellen vóór de eindevaluatie (uiterlijk week 91).',
  },
  'uwv-wia-brief': {
    code: 'T12',
    waivable: false,
    kind: 'action',
    label: 'Brief van UWV over de WIA-aanvraag ontvangen',
    severity: 'law',
    source:
      'WIA art. 64 lid 2: UWV schrijft de werknemer uiterlijk in week 89 over de WIA-aanvraag. Geen brief ontvangen? Dan geldt voor de aanvraag een extra termijn (art. 64 lid 6); neem contact op met UWV.',
  },
  'ziek-uit-dienst': {
    code: 'T20',
    waivable: false,
    kind: 'action',
    label: 'Ziek uit dienst: melding UWV en re-integratieverslag',
    severity: 'law',
    source:
      'ZW art. 38 lid 2: ziekmelding bij UWV op de laatste werkdag vóór het einde van het dienstverband; bij zes weken of meer ziekte ook het re-integratieverslag uiterlijk die dag.',
  },
  'periodieke-evaluatie': {
    code: 'T06',
    waivable: true,
    kind: 'action',
    label: 'Evaluatie re-integratie (werkgever en werknemer)',
    severity: 'uwv-policy',
    source: `Regeling procesgang art. 4 lid 2 sub b en lid 4–5: periodiek evalueren en zo nodig het plan van aanpak bijstellen; UWV: minstens elke ${param('evaluatieIntervalDays') / 7} weken. Gerekend vanaf het plan van aanpak of de laatste evaluatie.`,
  },
  'einde-loonsanctie': {
    code: 'T17',
    waivable: false,
    kind: 'event',
    label: 'Uiterste einde loonsanctie (52 weken)',
    severity: 'law',
    source:
      'WIA art. 25 lid 9: een loonsanctie verlengt de loondoorbetaling met ten hoogste 52 weken.',
  },
  'einde-loondoorbetaling': {
    code: 'T16',
    waivable: false,
    kind: 'event',
    label: 'Einde loondoorbetaling (104 weken)',
    severity: 'law',
    source:
      'BW 7:629 lid 1 en WIA art. 23 lid 1: 104 weken, vóór een eventuele loonsanctie of vrijwillige verlenging.',
  },
  'melding-uwv-vangnet': {
    code: 'ZW 38a',
    waivable: false,
    kind: 'action',
    label: 'Ziekmelding bij UWV (vangnet)',
    severity: 'law',
    source:
      'Ziektewet art. 38a lid 3: valt de werknemer onder een vangnetregeling (no-risk, ziekte door zwangerschap vóór het verlof, orgaandonatie), dan meldt de werkgever de ziekte binnen zes weken na de eerste ziektedag bij UWV. Geen 42e-weeksmelding voor werknemers met een Ziektewet-uitkering (art. 38 lid 4).',
  },
  'melding-uwv-flexperiode': {
    code: 'ZW 38a',
    waivable: false,
    kind: 'action',
    label: 'Ziekmelding bij UWV (flexibele periode vóór het verlof)',
    severity: 'law',
    source:
      'Ziektewet art. 29a lid 2 en 38a lid 2: ziek in de flexibele periode (zes tot vier weken vóór de dag na de vermoedelijke bevallingsdatum) terwijl het verlof nog niet is begonnen ⇒ ziekmelding bij UWV uiterlijk op de vierde ziektedag. Te laat: boete (art. 38a lid 8).',
  },
  'melding-uwv-na-verlof': {
    code: 'ZW 38a',
    waivable: true,
    kind: 'action',
    label: 'Ziekmelding bij UWV (na het bevallingsverlof)',
    severity: 'law',
    source:
      'Ziektewet art. 29a lid 4 en 38a lid 2: ziek na het bevallingsverlof door de zwangerschap of bevalling ⇒ ziekmelding bij UWV uiterlijk op de vierde ziektedag. Of die regeling geldt, beoordeelt de bedrijfsarts; Hervat legt dat niet vast.',
  },
  'melding-uwv-42-week-81': {
    code: 'T08/T12',
    waivable: false,
    kind: 'action',
    label: '42e-weeksmelding uiterlijk vóór week 81',
    severity: 'law',
    source:
      'WIA art. 64 lid 6: komt de brief van UWV over de WIA-aanvraag te laat, dan krijgt de werknemer extra tijd voor de aanvraag — maar niet als de werkgever de 42e-weeksmelding niet deed vóór de wachttijd 81 weken duurde. Een te late WIA-aanvraag verlengt de loondoorbetaling (BW 7:629 lid 11 sub a).',
  },
  'vrijwillige-verlenging': {
    code: 'T18',
    waivable: false,
    kind: 'action',
    label: 'Vrijwillige verlenging loondoorbetaling aanvragen bij UWV',
    severity: 'uwv-policy',
    source:
      'WIA art. 24 lid 1: op gezamenlijk verzoek verlengt UWV de loondoorbetaling (minimaal 13 weken, geen maximum); UWV beslist binnen twee weken; aanvragen bij voorkeur vóór de WIA-aanvraag. Niet mogelijk bij een Ziektewet-uitkering. De Goudse (polisvoorwaarden art. 2.3.3): bij vrijwillig langer doorbetalen vervalt de vergoeding van een loonsanctie.',
  },
  'ontzorgmanager-inzetten': {
    code: 'ASR-T1',
    waivable: true,
    kind: 'action',
    label: 'Ontzorgmanager inzetten (dreigend langdurig verzuim)',
    severity: 'contract',
    source:
      'a.s.r. MKB Verzuim-ontzorgverzekering: als er kans is op langdurig verzuim, wordt vanaf de tweede ziekteweek de Ontzorgmanager ingezet; De Amersfoortse art. 3.2: een Ontzorgmanager bij dreigend langdurig verzuim.',
  },
}
