import { findMedicalTerms } from '../domain/privacy'
import type { IsoDate } from '../kernel/iso-date'
import { formatDutchDate } from '../kernel/iso-date'
import type { RuleCoreDates } from './case-facts'
import { missingSignatureRoles, SIGNATURE_ROLE_LABELS, type Author, type Signature } from './common'
import type { DossierExport } from './dossier-export'
import { isEndOfYearOneScheduled, planVersions } from './plan-van-aanpak'
import type { RivPartKey } from './reintegratieverslag'

/**
 * Pre-flight of the re-integratieverslag (uwv-forms §3.3, §7 item 3): per part what is missing,
 * undated, without author name/function (vorm art. 2 lid 3, art. 3 lid 1), unsigned, late, not
 * handed to the employee (§1.6), and every attachment marked medical, which is refused.
 *
 * "Late" compares a document's date with the due date the rule core (`src/shared/rules`) gives
 * for its milestone; nothing here computes a deadline.
 */

export const RIV_ISSUE_KINDS = [
  'ontbreekt',
  'ongedateerd',
  'auteur-onvolledig',
  'niet-ondertekend',
  'te-laat',
  'volgorde',
  'datum-in-toekomst',
  'bijlage-ontbreekt',
  'medische-bijlage',
  'medische-termen',
  'niet-overhandigd',
  'evaluatieritme',
] as const
export type RivIssueKind = (typeof RIV_ISSUE_KINDS)[number]

/** Blocking issues make the RIV incomplete for UWV; warnings deserve a look. */
const WARNINGS: ReadonlySet<RivIssueKind> = new Set([
  'te-laat',
  'medische-termen',
  'niet-overhandigd',
  'evaluatieritme',
  // Refused means left out of every export; the RIV itself is not the worse for it.
  'medische-bijlage',
])

/**
 * `nog-niet-aan-de-orde`: what would block, but whose part is not yet due by the rule core's
 * dates (a missing eindevaluatie in week 11 is not a fault yet).
 */
export const RIV_ISSUE_SEVERITIES = ['blokkerend', 'waarschuwing', 'nog-niet-aan-de-orde'] as const
export type RivIssueSeverity = (typeof RIV_ISSUE_SEVERITIES)[number]
export const RIV_ISSUE_SEVERITY_LABELS: Record<RivIssueSeverity, string> = {
  blokkerend: 'blokkerend',
  waarschuwing: 'waarschuwing',
  'nog-niet-aan-de-orde': 'nog niet aan de orde',
}

/** Kinds that say something is wrong in what exists, whatever the week: never "not yet due". */
const ALWAYS_DUE: ReadonlySet<RivIssueKind> = new Set(['datum-in-toekomst', 'volgorde'])

export type RivIssue = {
  readonly part: RivPartKey
  readonly kind: RivIssueKind
  readonly severity: RivIssueSeverity
  readonly documentId?: string
  readonly message: string
}

export type RivCompleteness = { readonly complete: boolean; readonly issues: readonly RivIssue[] }

type Doc = {
  id: string
  date?: IsoDate | undefined
  author: Author
  handedToEmployeeOn?: IsoDate | undefined
}

/**
 * The rule core's due date of each part: before it, what the part still lacks is "nog niet aan
 * de orde". The loonheffingennummer is needed from the Plan van Aanpak on (UWV's model plan asks
 * for it); the werknemer's function and own oordeel with the verslag itself.
 */
function partDue(part: RivPartKey, dates: RuleCoreDates): IsoDate | undefined {
  const due = dates.due ?? {}
  switch (part) {
    case 'administratief':
      return due['plan-van-aanpak']
    case 'probleemanalyse':
      return due.probleemanalyse
    case 'plan-van-aanpak':
      return due['plan-van-aanpak']
    case 'evaluaties':
      return due.eerstejaarsevaluatie
    case 'actueel-oordeel':
      return due['actueel-oordeel']
    case 'eindevaluatie':
    case 'oordeel-werknemer':
      return due['re-integratieverslag']
    default:
      return undefined
  }
}

/**
 * `dates.due` holds the rule core's due dates (the app passes the dossier timeline's). Without
 * them nothing is reported as late, and everything missing blocks (a file read without its
 * timeline); with them, what is not yet due is "nog niet aan de orde".
 */
export function checkRivCompleteness(
  exp: DossierExport,
  today: IsoDate,
  dates: RuleCoreDates = {},
): RivCompleteness {
  const issues: RivIssue[] = []
  const add = (part: RivPartKey, kind: RivIssueKind, message: string, documentId?: string) => {
    const due = partDue(part, dates)
    issues.push({
      part,
      kind,
      severity: WARNINGS.has(kind)
        ? 'waarschuwing'
        : due && due > today && !ALWAYS_DUE.has(kind)
          ? 'nog-niet-aan-de-orde'
          : 'blokkerend',
      message,
      ...(documentId ? { documentId } : {}),
    })
  }
  const dueOf = (key: string) =>
    key === 'probleemanalyse' || key === 'plan-van-aanpak' || key === 'eerstejaarsevaluatie'
      ? dates.due?.[key]
      : undefined

  const checkDoc = (part: RivPartKey, name: string, doc: Doc, dueKey?: string) => {
    if (!doc.date) add(part, 'ongedateerd', `${name} heeft geen datum.`, doc.id)
    else if (doc.date > today) {
      add(
        part,
        'datum-in-toekomst',
        `${name} is gedateerd ${formatDutchDate(doc.date)}, na vandaag.`,
        doc.id,
      )
    }
    if (!doc.author.name || !doc.author.function) {
      add(part, 'auteur-onvolledig', `${name}: naam en functie van de opsteller ontbreken.`, doc.id)
    }
    const due = dueKey ? dueOf(dueKey) : undefined
    if (doc.date && due && doc.date > due) {
      add(
        part,
        'te-laat',
        `${name} is gedateerd ${formatDutchDate(doc.date)}, na de uiterste datum ${formatDutchDate(due)}.`,
        doc.id,
      )
    }
    if (!doc.handedToEmployeeOn) {
      add(
        part,
        'niet-overhandigd',
        `${name}: niet vastgelegd wanneer de werknemer een afschrift kreeg.`,
        doc.id,
      )
    }
  }
  const checkSigned = (
    part: RivPartKey,
    name: string,
    id: string,
    signatures: readonly Signature[],
  ) => {
    for (const role of missingSignatureRoles(signatures)) {
      add(
        part,
        'niet-ondertekend',
        `${name} is niet ondertekend door de ${SIGNATURE_ROLE_LABELS[role].toLowerCase()}.`,
        id,
      )
    }
  }
  const checkAttachment = (part: RivPartKey, name: string, id: string, attachmentId?: string) => {
    const a = exp.attachments.find((x) => x.id === attachmentId)
    if (!a || a.markedMedical || !a.contentBase64) {
      add(
        part,
        'bijlage-ontbreekt',
        `${name}: het document van de bedrijfsarts is niet bijgevoegd.`,
        id,
      )
    }
  }
  const checkTexts = (
    part: RivPartKey,
    name: string,
    id: string,
    texts: readonly (string | undefined)[],
  ) => {
    const terms = [...new Set(texts.flatMap((t) => findMedicalTerms(t)))]
    if (terms.length > 0) {
      add(
        part,
        'medische-termen',
        `${name} lijkt medische informatie te bevatten (${terms.join(', ')}).`,
        id,
      )
    }
  }
  const d = exp.documents

  // a, c, d, e: administrative data, job and skills.
  if (!exp.employer.loonheffingennummer) {
    add('administratief', 'ontbreekt', 'Het loonheffingennummer van de werkgever ontbreekt.')
  }
  if (!d.functieEnBekwaamheden) {
    add(
      'administratief',
      'ontbreekt',
      'De functie en bekwaamheden van de werknemer zijn niet vastgelegd.',
    )
  } else checkDoc('administratief', 'Functie en bekwaamheden', d.functieEnBekwaamheden)

  // f: probleemanalyse.
  const pas = [...d.probleemanalyses].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
  if (!pas.some((p) => p.kind === 'probleemanalyse'))
    add('probleemanalyse', 'ontbreekt', 'De probleemanalyse ontbreekt.')
  for (const p of pas) {
    const name = p.kind === 'bijstelling' ? 'Bijstelling probleemanalyse' : 'Probleemanalyse'
    checkDoc(
      'probleemanalyse',
      name,
      p,
      p.kind === 'probleemanalyse' ? 'probleemanalyse' : undefined,
    )
    checkAttachment('probleemanalyse', name, p.id, p.attachmentId)
  }

  // g: Plan van Aanpak and bijstellingen.
  const plans = planVersions(d.planVanAanpak)
  if (plans.length === 0) add('plan-van-aanpak', 'ontbreekt', 'Het Plan van Aanpak ontbreekt.')
  for (const p of plans) {
    const name =
      p.version === 1 ? 'Plan van Aanpak' : `Bijstelling Plan van Aanpak (versie ${p.version})`
    checkDoc('plan-van-aanpak', name, p, p.version === 1 ? 'plan-van-aanpak' : undefined)
    checkSigned('plan-van-aanpak', name, p.id, p.signatures)
    checkTexts('plan-van-aanpak', name, p.id, [
      p.employerView,
      p.goalMotivation,
      ...p.activities.map((a) => a.description),
    ])
  }
  if (plans.length > 0 && !plans.some(isEndOfYearOneScheduled)) {
    add(
      'plan-van-aanpak',
      'ontbreekt',
      'Het Plan van Aanpak plant geen evaluatie aan het einde van het eerste ziektejaar.',
    )
  }

  // h: eerstejaarsevaluatie and the most recent evaluation.
  const eje = d.eerstejaarsevaluatie
  if (!eje) add('evaluaties', 'ontbreekt', 'De eerstejaarsevaluatie ontbreekt.')
  else {
    checkDoc('evaluaties', 'Eerstejaarsevaluatie', eje, 'eerstejaarsevaluatie')
    checkSigned('evaluaties', 'Eerstejaarsevaluatie', eje.id, eje.signatures)
    checkTexts('evaluaties', 'Eerstejaarsevaluatie', eje.id, [
      eje.lookBack,
      eje.employerView,
      eje.spoor2Motivation,
    ])
  }
  for (const e of d.evaluaties) {
    const name = `Evaluatie${e.date ? ` van ${formatDutchDate(e.date)}` : ''}`
    if (!e.date) add('evaluaties', 'ongedateerd', `${name} heeft geen datum.`, e.id)
    if (!e.author.name || !e.author.function)
      add(
        'evaluaties',
        'auteur-onvolledig',
        `${name}: naam en functie van de opsteller ontbreken.`,
        e.id,
      )
    checkSigned('evaluaties', name, e.id, e.signatures)
  }

  // i, j, k (BA): actueel oordeel, dated before the eindevaluatie (uwv-forms §4.2).
  const ao = [...d.actueelOordelen]
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
    .at(-1)
  if (!ao) add('actueel-oordeel', 'ontbreekt', 'Het actueel oordeel van de bedrijfsarts ontbreekt.')
  else {
    checkDoc('actueel-oordeel', 'Actueel oordeel', ao)
    checkAttachment('actueel-oordeel', 'Actueel oordeel', ao.id, ao.attachmentId)
  }

  // b, h, i, k (employer): eindevaluatie.
  const ee = d.eindevaluatie
  if (!ee) add('eindevaluatie', 'ontbreekt', 'De eindevaluatie ontbreekt.')
  else {
    checkDoc('eindevaluatie', 'Eindevaluatie', ee)
    checkSigned('eindevaluatie', 'Eindevaluatie', ee.id, ee.signatures)
    checkTexts('eindevaluatie', 'Eindevaluatie', ee.id, [
      ee.stateOfReintegration,
      ee.employmentRelationshipView,
      ee.suitableWorkView,
    ])
    if (ao?.date && ee.date && ee.date < ao.date) {
      add(
        'eindevaluatie',
        'volgorde',
        'De eindevaluatie is gedateerd vóór het actueel oordeel waarop zij rust.',
        ee.id,
      )
    }
  }

  // l: the employee's own oordeel.
  const ow = d.oordeelWerknemer
  if (!ow) add('oordeel-werknemer', 'ontbreekt', 'Het oordeel van de werknemer ontbreekt.')
  else checkDoc('oordeel-werknemer', 'Oordeel werknemer', ow)

  // Medical attachments are refused, whether referenced or not (domain §5.5 item 4).
  for (const a of exp.attachments.filter((x) => x.markedMedical)) {
    add(
      'medische-informatie',
      'medische-bijlage',
      `Bijlage “${a.title}” is gemarkeerd als medisch en wordt geweigerd: zij gaat niet mee in het re-integratieverslag.`,
      a.id,
    )
  }

  // The evaluation rhythm the signed plan promises (the rule core's warnings).
  for (const message of dates.evaluationWarnings ?? [])
    add('plan-van-aanpak', 'evaluatieritme', message)

  // Complete means ready to send: nothing blocks and nothing is still to come.
  return { complete: !issues.some((i) => i.severity !== 'waarschuwing'), issues }
}
