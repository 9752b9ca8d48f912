import { formatDutchDate, fromEpochDay, toEpochDay, type IsoDate } from '../kernel/iso-date'
import type { DataWarning } from './dossier-input'
import type { MilestoneKey } from './milestones'

/**
 * Documents fulfil deadlines (docs/adr/0010). The dossier's documents are facts the rule core
 * reads beside the manual marks: a step is done on the day its document makes it so, and a step
 * marked done by hand without its document says so. Plain facts only: the adapter from stored
 * documents lives with the documents (src/shared/documents/document-facts.ts).
 */

export type DocumentSignatureFact = {
  readonly role: 'werkgever' | 'werknemer'
  readonly signedAt: IsoDate
}

/** What the rules need of one stored document version. */
export type DocumentFact = {
  readonly id: string
  /** The stored document type (`probleemanalyse`, `plan-van-aanpak`, `melding-42`, …). */
  readonly type: string
  /** When the record was made (ISO timestamp): of a kind the RIV holds once, the newest counts. */
  readonly createdAt: string
  /** The document's own date (a melding-42: the day it was reported to UWV). */
  readonly date?: IsoDate | undefined
  /** A bijstelling of the probleemanalyse (it does not close the step a second time). */
  readonly bijstelling?: boolean
  /** Plan van Aanpak: its version number. */
  readonly version?: number
  readonly signatures?: readonly DocumentSignatureFact[]
  /** Plan van Aanpak: the dated evaluation moments it promises (Regeling art. 4 lid 2 sub b). */
  readonly evaluationMoments?: readonly IsoDate[]
  /** Evaluatie: the next evaluation agreed at it. */
  readonly nextEvaluationOn?: IsoDate | undefined
}

/** A step fulfilled by a document: on which day, and by which document version. */
export type DocumentFulfilment = { readonly day: number; readonly documentId: string }

/**
 * Steps a document fulfils. `re-integratieverslag` is the step "Re-integratieverslag en
 * eindevaluatie" (T13/T14): the signed eindevaluatie closes it.
 */
export const DOCUMENT_STEPS = [
  'probleemanalyse',
  'plan-van-aanpak',
  'melding-uwv-42',
  'eerstejaarsevaluatie',
  'actueel-oordeel',
  're-integratieverslag',
] as const satisfies readonly MilestoneKey[]
export type DocumentStep = (typeof DOCUMENT_STEPS)[number]

export const isDocumentStep = (key: string): key is DocumentStep =>
  (DOCUMENT_STEPS as readonly string[]).includes(key)

export type Window = { readonly from: number; readonly today: number }

const dayIn = (w: Window, date: IsoDate | undefined): number | undefined => {
  if (!date) return undefined
  const day = toEpochDay(date)
  // Before the case's first sick day: an earlier case. After today: not yet happened.
  return day >= w.from && day <= w.today ? day : undefined
}

/**
 * Both parties have signed (uwv-forms §2.3): the day of the later of the two signatures, each
 * role's first signature counted. Undefined while one is missing, or signed before the case or
 * after today.
 */
export function bothSignedOn(w: Window, doc: DocumentFact): number | undefined {
  let employer: number | undefined
  let employee: number | undefined
  for (const s of doc.signatures ?? []) {
    const day = dayIn(w, s.signedAt)
    if (day === undefined) continue
    if (s.role === 'werkgever') employer = employer === undefined ? day : Math.min(employer, day)
    else employee = employee === undefined ? day : Math.min(employee, day)
  }
  return employer === undefined || employee === undefined ? undefined : Math.max(employer, employee)
}

const newest = (docs: readonly DocumentFact[], type: string): DocumentFact | undefined => {
  let out: DocumentFact | undefined
  for (const d of docs)
    if (d.type === type && (!out || d.createdAt.localeCompare(out.createdAt) >= 0)) out = d
  return out
}

function earliest(
  docs: readonly DocumentFact[],
  pick: (d: DocumentFact) => number | undefined,
): DocumentFulfilment | undefined {
  let out: DocumentFulfilment | undefined
  for (const d of docs) {
    const day = pick(d)
    if (day !== undefined && (!out || day < out.day)) out = { day, documentId: d.id }
  }
  return out
}

/**
 * The day each step was fulfilled by the dossier's documents (epoch days), first rule wins:
 * - probleemanalyse: the earliest dated probleemanalyse of this case (not a bijstelling) —
 *   Regeling procesgang art. 2 lid 2;
 * - plan-van-aanpak: the first version signed by werkgever and werknemer, on the later signing
 *   day — art. 4 lid 1 ("in overeenstemming met de werknemer"); a bijstelling keeps that day;
 * - melding-uwv-42: the registered report (its date is the day it was made) — ZW art. 38 lid 1;
 *   the newest record counts, as the 42-week sheet shows it;
 * - eerstejaarsevaluatie: the eerstejaarsevaluatie the re-integratieverslag holds (the newest),
 *   signed by both, on the later signing day — art. 4 lid 2 sub b;
 * - actueel-oordeel: the earliest dated actueel oordeel of the bedrijfsarts — art. 6 lid 1 j;
 * - re-integratieverslag: the eindevaluatie the verslag holds (the newest), signed by both, on
 *   the later signing day — WIA art. 25 lid 3, vorm-beleidsregels art. 2 lid 5.
 * A date before the case's first sick day (`from`) or after today does not count. A deleted
 * document is simply absent; a newer record of a single kind supersedes the older one.
 */
export function documentFulfilments(
  docs: readonly DocumentFact[],
  from: number,
  today: number,
): Map<DocumentStep, DocumentFulfilment> {
  const w: Window = { from, today }
  const out = new Map<DocumentStep, DocumentFulfilment>()
  const set = (key: DocumentStep, f: DocumentFulfilment | undefined) => {
    if (f) out.set(key, f)
  }
  set(
    'probleemanalyse',
    earliest(docs, (d) =>
      d.type === 'probleemanalyse' && !d.bijstelling ? dayIn(w, d.date) : undefined,
    ),
  )
  set(
    'plan-van-aanpak',
    earliest(docs, (d) => (d.type === 'plan-van-aanpak' ? bothSignedOn(w, d) : undefined)),
  )
  set(
    'actueel-oordeel',
    earliest(docs, (d) => (d.type === 'actueel-oordeel' ? dayIn(w, d.date) : undefined)),
  )
  const single = (key: DocumentStep, type: string, signed: boolean) => {
    const doc = newest(docs, type)
    if (!doc) return
    const day = signed ? bothSignedOn(w, doc) : dayIn(w, doc.date)
    if (day !== undefined) out.set(key, { day, documentId: doc.id })
  }
  single('melding-uwv-42', 'melding-42', false)
  single('eerstejaarsevaluatie', 'eerstejaarsevaluatie', true)
  single('re-integratieverslag', 'eindevaluatie', true)
  return out
}

/** Days on which an evaluation was held according to the documents (evaluaties and the EJE). */
export function evaluationDays(docs: readonly DocumentFact[], from: number, today: number) {
  const w: Window = { from, today }
  const days: number[] = []
  for (const d of docs) {
    if (d.type !== 'evaluatie' && d.type !== 'eerstejaarsevaluatie') continue
    const day = dayIn(w, d.date)
    if (day !== undefined) days.push(day)
  }
  return days.sort((a, b) => a - b)
}

/** The plan version in force: the newest version signed by both parties. */
export function planInForce(
  docs: readonly DocumentFact[],
  from: number,
  today: number,
): DocumentFact | undefined {
  const w: Window = { from, today }
  let out: DocumentFact | undefined
  for (const d of docs) {
    if (d.type !== 'plan-van-aanpak' || bothSignedOn(w, d) === undefined) continue
    if (!out || (d.version ?? 0) > (out.version ?? 0)) out = d
  }
  return out
}

export type EvaluationRhythm = {
  /** The next evaluation the signed plan promises after the last one held (epoch day). */
  readonly nextPromised: number | undefined
  readonly warnings: readonly DataWarning[]
}

/**
 * The evaluation rhythm the signed Plan van Aanpak promises (Regeling procesgang art. 4 lid 2
 * sub b: evaluation moments agreed in the plan, periodic and at the end of the first year):
 * - a promised moment that passed without any evaluation held since the moment before it (or
 *   since the plan was signed) is a warning;
 * - while the case runs, no promised moment and no agreed next evaluation from today on is a
 *   warning too: the plan must keep a next evaluation in view.
 * `held` are the days evaluations were held (documents and marks); `since` the day the plan was
 * agreed. Only for a running case with a plan signed by both.
 */
export function evaluationRhythm(input: {
  readonly plan: DocumentFact
  readonly since: number
  readonly held: readonly number[]
  readonly nextAgreed: readonly number[]
  readonly today: number
}): EvaluationRhythm {
  const { today, held, since } = input
  const moments = [...new Set((input.plan.evaluationMoments ?? []).map(toEpochDay))].sort(
    (a, b) => a - b,
  )
  const warnings: DataWarning[] = []
  const lastHeld = held.length > 0 ? Math.max(...held) : undefined
  // The latest promised moment that has passed, and the one before it (or the plan's day).
  let missedIndex = -1
  for (let i = 0; i < moments.length; i++) if ((moments[i] as number) < today) missedIndex = i
  if (missedIndex >= 0) {
    const moment = moments[missedIndex] as number
    const windowStart = Math.max(
      since,
      missedIndex > 0 ? (moments[missedIndex - 1] as number) : since,
    )
    const heldSince = held.some((h) => h > windowStart && h <= today)
    if (!heldSince)
      warnings.push({
        field: 'plan-van-aanpak.evaluationMoments',
        message: `Het Plan van Aanpak belooft een evaluatie uiterlijk ${formatDutchDate(fromEpochDay(moment))}; er is sindsdien geen evaluatie vastgelegd (Regeling procesgang art. 4 lid 2 sub b).`,
      })
  }
  const future = [...moments, ...input.nextAgreed].filter((m) => m >= today)
  if (future.length === 0)
    warnings.push({
      field: 'plan-van-aanpak.evaluationMoments',
      message:
        'Er is geen volgende evaluatie gepland: leg in het Plan van Aanpak of bij de laatste evaluatie de volgende evaluatiedatum vast (Regeling procesgang art. 4 lid 2 sub b).',
    })
  // The next moment still to keep: the first after the last evaluation held, unless that
  // evaluation already kept it (held after the moment before it, i.e. early).
  let nextPromised: number | undefined
  for (let i = 0; i < moments.length; i++) {
    const m = moments[i] as number
    const previous = i > 0 ? (moments[i - 1] as number) : since
    if (m <= (lastHeld ?? since)) continue
    if (lastHeld !== undefined && lastHeld > previous) continue
    nextPromised = m
    break
  }
  return { nextPromised, warnings }
}
