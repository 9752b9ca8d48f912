import { employeeFullName } from '../domain/entities'
import type { IsoDate } from '../kernel/iso-date'
import { caseFirstSickDay, exportDate, type RuleCoreDates } from './case-facts'
import type { Author } from './common'
import type { DossierExport, ExportedAttachment } from './dossier-export'
import { planVersions, type PlanVanAanpak } from './plan-van-aanpak'
import type {
  ActueelOordeel,
  Eerstejaarsevaluatie,
  Eindevaluatie,
  Evaluatie,
  FunctieEnBekwaamheden,
  OordeelWerknemer,
  Probleemanalyse,
} from './records'

/**
 * The re-integratieverslag as separate, recognisable parts (vorm-beleidsregels art. 2 lid 2;
 * Regeling procesgang art. 6 lid 1 items a–l; uwv-forms §3.1 for the index order).
 */

export const RIV_ITEMS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'] as const
export type RivItem = (typeof RIV_ITEMS)[number]

export const RIV_PART_KEYS = [
  'administratief',
  'probleemanalyse',
  'plan-van-aanpak',
  'evaluaties',
  'actueel-oordeel',
  'eindevaluatie',
  'medische-informatie',
  'oordeel-werknemer',
  'activiteitenoverzicht',
] as const
export type RivPartKey = (typeof RIV_PART_KEYS)[number]

export const RIV_PART_TITLES: Record<RivPartKey, string> = {
  administratief: 'Administratieve gegevens, functie en bekwaamheden',
  probleemanalyse: 'Probleemanalyse en bijstellingen',
  'plan-van-aanpak': 'Plan van Aanpak en bijstellingen',
  evaluaties: 'Eerstejaarsevaluatie en evaluaties',
  'actueel-oordeel': 'Actueel oordeel bedrijfsarts',
  eindevaluatie: 'Eindevaluatie',
  'medische-informatie': 'Medische informatie',
  'oordeel-werknemer': 'Oordeel werknemer',
  activiteitenoverzicht: 'Overzicht contactmomenten, gewerkte uren en interventies',
}

/** Which statutory items (Regeling art. 6 lid 1) each part carries. */
export const RIV_PART_ITEMS: Record<RivPartKey, readonly RivItem[]> = {
  administratief: ['a', 'c', 'd', 'e'],
  probleemanalyse: ['f'],
  'plan-van-aanpak': ['g'],
  evaluaties: ['h'],
  'actueel-oordeel': ['i', 'j', 'k'],
  eindevaluatie: ['b', 'h', 'i', 'k'],
  'medische-informatie': [],
  'oordeel-werknemer': ['l'],
  activiteitenoverzicht: [],
}

export type RivHeader = {
  readonly employeeName: string
  readonly bsn: string
  readonly dateOfBirth: IsoDate
  readonly firstSickDay: IsoDate | undefined
  readonly employerName: string
  readonly loonheffingennummer: string | undefined
}

export type AdministrativeData = {
  readonly exp: DossierExport
  readonly functieEnBekwaamheden: FunctieEnBekwaamheden | undefined
  readonly firstSickDay: IsoDate | undefined
}

export type RivDocument =
  | { readonly kind: 'administratief'; readonly data: AdministrativeData }
  | { readonly kind: 'probleemanalyse'; readonly doc: Probleemanalyse }
  | { readonly kind: 'plan-van-aanpak'; readonly doc: PlanVanAanpak }
  | { readonly kind: 'evaluatie'; readonly doc: Evaluatie }
  | { readonly kind: 'eerstejaarsevaluatie'; readonly doc: Eerstejaarsevaluatie }
  | { readonly kind: 'actueel-oordeel'; readonly doc: ActueelOordeel }
  | { readonly kind: 'eindevaluatie'; readonly doc: Eindevaluatie }
  | { readonly kind: 'oordeel-werknemer'; readonly doc: OordeelWerknemer }
  | { readonly kind: 'medische-informatie' }
  | { readonly kind: 'activiteitenoverzicht'; readonly exp: DossierExport }

export type RivPart = {
  readonly key: RivPartKey
  readonly number: number
  readonly title: string
  readonly items: readonly RivItem[]
  /** Date and author of the part (the latest document in it). */
  readonly date: IsoDate | undefined
  readonly author: Author | undefined
  readonly documents: readonly RivDocument[]
  /** Attached BA PDFs to merge into this part (never one marked medical). */
  readonly attachments: readonly ExportedAttachment[]
  readonly present: boolean
}

export type Reintegratieverslag = {
  readonly header: RivHeader
  readonly generatedOn: IsoDate
  readonly parts: readonly RivPart[]
  /** Attachments referenced by a document but refused because they are marked medical. */
  readonly refusedAttachments: readonly ExportedAttachment[]
}

export function rivHeader(exp: DossierExport, dates?: RuleCoreDates): RivHeader {
  return {
    employeeName: employeeFullName(exp.employee),
    bsn: exp.employee.bsn,
    dateOfBirth: exp.employee.dateOfBirth,
    firstSickDay: caseFirstSickDay(exp, dates),
    employerName: exp.employer.name,
    loonheffingennummer: exp.employer.loonheffingennummer,
  }
}

const byDate = <T extends { date?: IsoDate | undefined }>(docs: readonly T[]): T[] =>
  [...docs].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'))

function latest<T extends { date?: IsoDate | undefined; author: Author }>(docs: readonly T[]) {
  const last = byDate(docs).at(-1)
  return { date: last?.date, author: last?.author }
}

/** Assembles the RIV from an export: pure, no rendering. */
export function buildReintegratieverslag(
  exp: DossierExport,
  dates?: RuleCoreDates,
): Reintegratieverslag {
  const header = rivHeader(exp, dates)
  const d = exp.documents
  const refused: ExportedAttachment[] = []
  const attachmentsFor = (ids: readonly (string | undefined)[]): ExportedAttachment[] => {
    const out: ExportedAttachment[] = []
    for (const id of ids) {
      const a = exp.attachments.find((x) => x.id === id)
      if (!a) continue
      if (a.markedMedical) refused.push(a)
      else out.push(a)
    }
    return out
  }
  const generatedOn = exportDate(exp)
  const pas = byDate(d.probleemanalyses)
  const plans = planVersions(d.planVanAanpak)
  const evaluations: RivDocument[] = [
    ...(d.eerstejaarsevaluatie
      ? [{ kind: 'eerstejaarsevaluatie' as const, doc: d.eerstejaarsevaluatie }]
      : []),
    ...byDate(d.evaluaties).map((doc) => ({ kind: 'evaluatie' as const, doc })),
  ]
  const oordelen = byDate(d.actueelOordelen)
  const casemanager: Author = { name: exp.dossier.casemanager, function: 'Casemanager' }

  const parts: Omit<RivPart, 'number' | 'title' | 'items'>[] = [
    {
      key: 'administratief',
      date: d.functieEnBekwaamheden?.date ?? generatedOn,
      author: d.functieEnBekwaamheden?.author ?? casemanager,
      documents: [
        {
          kind: 'administratief',
          data: {
            exp,
            functieEnBekwaamheden: d.functieEnBekwaamheden,
            firstSickDay: header.firstSickDay,
          },
        },
      ],
      attachments: [],
      present: true,
    },
    {
      key: 'probleemanalyse',
      ...latest(pas),
      documents: pas.map((doc) => ({ kind: 'probleemanalyse' as const, doc })),
      attachments: attachmentsFor(pas.map((p) => p.attachmentId)),
      present: pas.length > 0,
    },
    {
      key: 'plan-van-aanpak',
      ...latest(plans),
      documents: plans.map((doc) => ({ kind: 'plan-van-aanpak' as const, doc })),
      attachments: [],
      present: plans.length > 0,
    },
    {
      key: 'evaluaties',
      ...latest([...(d.eerstejaarsevaluatie ? [d.eerstejaarsevaluatie] : []), ...d.evaluaties]),
      documents: evaluations,
      attachments: [],
      present: evaluations.length > 0,
    },
    {
      key: 'actueel-oordeel',
      ...latest(oordelen),
      documents: oordelen.map((doc) => ({ kind: 'actueel-oordeel' as const, doc })),
      attachments: attachmentsFor(oordelen.map((o) => o.attachmentId)),
      present: oordelen.length > 0,
    },
    {
      key: 'eindevaluatie',
      ...latest(d.eindevaluatie ? [d.eindevaluatie] : []),
      documents: d.eindevaluatie ? [{ kind: 'eindevaluatie', doc: d.eindevaluatie }] : [],
      attachments: [],
      present: d.eindevaluatie !== undefined,
    },
    {
      key: 'medische-informatie',
      date: undefined,
      author: undefined,
      documents: [{ kind: 'medische-informatie' }],
      attachments: [],
      present: false,
    },
    {
      key: 'oordeel-werknemer',
      ...latest(d.oordeelWerknemer ? [d.oordeelWerknemer] : []),
      documents: d.oordeelWerknemer ? [{ kind: 'oordeel-werknemer', doc: d.oordeelWerknemer }] : [],
      attachments: [],
      present: d.oordeelWerknemer !== undefined,
    },
    {
      key: 'activiteitenoverzicht',
      date: generatedOn,
      author: casemanager,
      documents: [{ kind: 'activiteitenoverzicht', exp }],
      attachments: [],
      present: true,
    },
  ]
  // Medical attachments never travel, referenced or not (domain §5.5 item 4).
  for (const a of exp.attachments) if (a.markedMedical && !refused.includes(a)) refused.push(a)
  return {
    header,
    generatedOn,
    parts: parts.map((p, i) => ({
      ...p,
      number: i + 1,
      title: RIV_PART_TITLES[p.key],
      items: RIV_PART_ITEMS[p.key],
    })),
    refusedAttachments: refused,
  }
}
