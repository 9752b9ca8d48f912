import type { PolicyProfileId } from '../domain/policy-profile'
import { fromEpochDay, toEpochDay, type IsoDate } from '../kernel/iso-date'
import {
  bothSignedOn,
  documentFulfilments,
  evaluationDays,
  evaluationRhythm,
  isDocumentStep,
  planInForce,
  type DocumentFulfilment,
  type DocumentStep,
} from './document-steps'
import { extraMilestones, type CaseMarks, type Draft } from './dossier-extras'
import {
  normalizePeriods,
  type DossierTimelineInput,
  type InterventionInput,
  type NormalizedPeriods,
} from './dossier-input'
import type {
  AppointmentFacts,
  DossierTimeline,
  InterventionFacts,
  Milestone,
  MilestoneStatus,
} from './dossier-types'
import type { DataWarning } from './dossier-input'
import { dossierContractGuarantee, poortwachtergarantie, type GuaranteeStep } from './guarantee'
import { legalClocks, wageContinuationLastDay } from './legal-clocks'
import { MILESTONE_INFO, type MilestoneKey } from './milestones'
import { DAYS_PER_WEEK, param, PARAMETERS, PRODUCT_DEFAULTS } from './parameters'
import { isLateCancellation, weeksLeft } from './profile-rules'
import { policyProfile, valueOn } from './profiles'
import { reportingDrafts, week81 } from './reporting-rules'
import {
  clockFromSpans,
  contractDeadlineDays,
  sickDaysToday,
  type CaseClock,
  type DeadlineDays,
  DEADLINE_KEYS,
  type DeadlineKey,
} from './timeline'

export type {
  AppointmentFacts,
  DossierTimeline,
  InterventionFacts,
  Milestone,
  MilestoneStatus,
} from './dossier-types'

function caseMarks(input: DossierTimelineInput, d: number): CaseMarks {
  const map = new Map<
    string,
    {
      firstDone?: number
      lastDone?: number
      firstDoneMotivation?: string
      waived?: { date: number; motivation: string }
    }
  >()
  for (const m of input.marks) {
    const day = toEpochDay(m.date)
    if (day < d) continue // an earlier case's mark
    let e = map.get(m.key)
    if (!e) map.set(m.key, (e = {}))
    if (m.state === 'done') {
      if (e.firstDone === undefined || day < e.firstDone) {
        e.firstDone = day
        const motivation = m.motivation?.trim()
        if (motivation) e.firstDoneMotivation = motivation
        else delete e.firstDoneMotivation
      }
      if (e.lastDone === undefined || day > e.lastDone) e.lastDone = day
    } else {
      // Regeling procesgang art. 5: only a motivated deviation counts as waived.
      const motivation = m.motivation?.trim()
      if (motivation && (!e.waived || day >= e.waived.date)) e.waived = { date: day, motivation }
    }
  }
  return map
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** A case's normalized periods and clock, computed once and shared by adapter and computation. */
export type PreparedDossier = {
  readonly norm: NormalizedPeriods
  readonly clock: CaseClock
}

/** Normalizes the periods and builds the clock; undefined while there is no sick period. */
export function prepareDossier(input: DossierTimelineInput): PreparedDossier | undefined {
  const norm = normalizePeriods(input)
  if (norm.periods.length === 0) return undefined
  return { norm, clock: clockFromSpans(norm.periods, norm.leaves, toEpochDay(input.today)) }
}

/** A waiver of the periodic evaluation counts for the cycle it was given in. */
const EVALUATION_INTERVAL_DAYS = param('evaluatieIntervalDays')
const EJE_WINDOW_START_DAY = param('eerstejaarsevaluatieWindowStartDay')
const LAST_WAGE_DAY = param('lastWageDay')
const WEEK = DAYS_PER_WEEK
const DEFAULT_DUE_SOON_DAYS = PRODUCT_DEFAULTS.dueSoonDays

/**
 * One milestone with its status. Status order (the contract's, refined): done / done-late →
 * not-applicable → waived (with a motivation, Regeling procesgang art. 5) → for events, passed
 * = done → overdue → due-soon (within `soon` days) → open.
 */
function milestone(
  key: MilestoneKey,
  due: number,
  contract: DeadlineDays | undefined,
  draft: Draft | undefined,
  ctx: {
    readonly marks: CaseMarks
    readonly today: number
    readonly soon: number
    readonly clock: CaseClock
    readonly contractReport: boolean
    readonly documents: ReadonlyMap<DocumentStep, DocumentFulfilment>
  },
): Milestone {
  const info = MILESTONE_INFO[key]
  const m = ctx.marks.get(key)
  const recurring = draft?.recurring === true
  const byDocument = isDocumentStep(key) ? ctx.documents.get(key) : undefined
  const doneOn = contract
    ? contract.doneOn
    : recurring
      ? undefined
      : (byDocument?.day ?? draft?.doneOn ?? m?.firstDone)
  let status: MilestoneStatus
  let waived: { date: number; motivation: string } | undefined
  if (doneOn !== undefined) status = doneOn <= due ? 'done' : 'done-late'
  else if (contract ? contract.status === 'not-applicable' : draft?.applicable === false)
    status = 'not-applicable'
  else if (
    m?.waived &&
    info.waivable &&
    (!recurring || m.waived.date >= due - EVALUATION_INTERVAL_DAYS)
  ) {
    status = 'waived'
    waived = m.waived
  } else if (ctx.today > due) status = info.kind === 'event' ? 'done' : 'overdue'
  else status = due - ctx.today <= ctx.soon ? 'due-soon' : 'open'
  const clock = ctx.clock
  const counted = clock.projectedCounted(due)
  const out: Mutable<Milestone> = {
    key,
    label: info.label,
    due: fromEpochDay(due),
    week: counted > WEEK ? Math.ceil(counted / WEEK) : 1,
    status,
    severity: key === 'melding-arbodienst' && ctx.contractReport ? 'contract' : info.severity,
    kind: info.kind,
    code: info.code,
    source: info.source,
  }
  if (key === 'eerstejaarsevaluatie')
    out.windowStart = fromEpochDay(clock.nth(EJE_WINDOW_START_DAY))
  if (doneOn !== undefined) {
    out.doneOn = fromEpochDay(doneOn)
    if (byDocument && byDocument.day === doneOn) out.documentId = byDocument.documentId
    else if (isDocumentStep(key)) {
      // Marked done by hand while no document fulfils the step: shown as such, with the reason.
      out.withoutDocument = true
      if (m?.firstDoneMotivation) out.motivation = m.firstDoneMotivation
    }
  }
  if (waived) {
    out.doneOn = fromEpochDay(waived.date)
    out.motivation = waived.motivation
  }
  if (draft?.note) out.note = draft.note
  if (m?.waived && !info.waivable && status !== 'done' && status !== 'done-late')
    out.note = `Gemarkeerd als vervallen (${m.waived.motivation}), maar deze wettelijke stap kan niet vervallen en blijft staan.`
  return out
}

/** Stable insertion sort of a short list by epoch day (cheaper than comparing date strings). */
function sortByDue(items: Milestone[], dues: number[]): void {
  for (let i = 1; i < items.length; i++) {
    const m = items[i] as Milestone
    const due = dues[i] as number
    let j = i - 1
    while (j >= 0 && (dues[j] as number) > due) {
      items[j + 1] = items[j] as Milestone
      dues[j + 1] = dues[j] as number
      j--
    }
    items[j + 1] = m
    dues[j + 1] = due
  }
}

/** The dossier timeline from a plain input; undefined while there is no sick period. */
export function computeDossierTimeline(
  input: DossierTimelineInput,
  prepared: PreparedDossier | undefined = prepareDossier(input),
): DossierTimeline | undefined {
  if (!prepared) return undefined
  const { norm, clock } = prepared
  const today = clock.today
  const marks = caseMarks(input, clock.d)
  const docs = input.documents ?? []
  const byDocument = documentFulfilments(docs, clock.d, today)

  // Documents reach the contract deadlines as done dates; a document comes before a hand mark.
  const done: Partial<Record<DeadlineKey, number>> = {}
  for (const key of DEADLINE_KEYS) {
    const first =
      (isDocumentStep(key) ? byDocument.get(key)?.day : undefined) ?? marks.get(key)?.firstDone
    if (first !== undefined) done[key] = first
  }
  const reported = input.reportedByEmployee ? toEpochDay(input.reportedByEmployee) : undefined
  const table = input.parameters ?? PARAMETERS
  const contract = contractDeadlineDays(input.profile, reported, clock, done, table)
  const planDone = (contract[2] as DeadlineDays).doneOn
  const rhythm = planRhythm(docs, marks, clock, planDone)
  const held = evaluationDays(docs, clock.d, today)
  const drafts = extraMilestones({
    profile: input.profile,
    clock,
    marks,
    planVanAanpakDone: planDone,
    eerstejaarsevaluatieDone: (contract[4] as DeadlineDays).doneOn,
    lastEvaluationHeld: held.at(-1),
    nextPromisedEvaluation: rhythm?.nextPromised,
    employmentEnd: input.employmentEnd,
    loonsanctieDecisionOn: input.loonsanctieDecisionOn,
    voluntaryExtensionWeeks: input.voluntaryExtension?.weeks,
    table,
  })
  const reporting =
    input.safetyNet === 'ja' ||
    input.voluntaryExtension ||
    input.longTermExpectedOn ||
    input.leaves?.length
      ? reportingDrafts({
          profile: input.profile,
          clock,
          table,
          safetyNet: input.safetyNet,
          leaves: input.leaves ?? [],
          longTermExpectedOn: input.longTermExpectedOn,
          voluntaryExtension: input.voluntaryExtension,
        })
      : undefined
  if (reporting) for (const d of reporting.drafts) drafts.push(d)
  const ctx = {
    marks,
    today,
    soon: input.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    clock,
    // A report term under the profile makes the report a contract step (its guarantee rests on it).
    contractReport:
      valueOn(policyProfile(input.profile).reportTerms['melding-arbodienst'], clock.d) !== null,
    documents: byDocument,
  }
  const milestones: Milestone[] = []
  const dues: number[] = []
  let notice: Milestone | undefined
  for (const c of contract) {
    milestones.push(milestone(c.key, c.due, c, undefined, ctx))
    dues.push(c.due)
  }
  const reportMilestone = milestones[0] as Milestone // melding-arbodienst, first in contract order
  const report42 = milestones[3] as Mutable<Milestone> // melding-uwv-42, contract order
  if (input.safetyNet === 'ja' && !report42.note)
    report42.note =
      'Vangnet: geen 42e-weeksmelding nodig zolang UWV een Ziektewet-uitkering betaalt (ZW art. 38 lid 4). Markeer dan als vervallen, met de beslissing van UWV als motivering.'
  const late42 = week81(clock, table, report42)
  if (late42.draft) drafts.push(late42.draft)
  for (const d of drafts) {
    const m = milestone(d.key, d.due, undefined, d, ctx)
    if (d.key === 'melding-loonsanctie-goudse') notice = m
    milestones.push(m)
    dues.push(d.due)
  }
  sortByDue(milestones, dues)

  const report = contract[0] as DeadlineDays
  const days = sickDaysToday(clock)
  const wageEnd = wageContinuationLastDay(clock, input.employmentEnd)
  const reportStep: Mutable<GuaranteeStep> = { status: report.status, due: reportMilestone.due }
  if (reportMilestone.doneOn && report.doneOn !== undefined)
    reportStep.doneOn = reportMilestone.doneOn
  let noticeStep: Mutable<GuaranteeStep> | undefined
  if (notice) {
    const st = notice.status
    noticeStep = {
      status: st === 'done' || st === 'done-late' || st === 'overdue' ? st : 'open',
      due: notice.due,
    }
    if (notice.doneOn) noticeStep.doneOn = notice.doneOn
  }
  const ext = input.voluntaryExtension
  const guarantee = poortwachtergarantie(
    input.profile,
    reportStep,
    noticeStep,
    ext
      ? {
          weeks: ext.weeks,
          firstDay: fromEpochDay(clock.nth(LAST_WAGE_DAY) + 1),
          requestedOn: ext.requestedOn,
        }
      : undefined,
  )
  const contractGuarantee = dossierContractGuarantee({
    profile: input.profile,
    clock,
    reportedByEmployee: reported,
    firstReportDone: report.doneOn,
    moduleStart: input.moduleStartDate,
    loonsanctieDecisionOn: input.loonsanctieDecisionOn,
    loonsanctieReportedOn: marks.get('melding-loonsanctie-goudse')?.firstDone,
    voluntaryExtensionOn: ext
      ? ext.requestedOn
        ? toEpochDay(ext.requestedOn)
        : clock.nth(LAST_WAGE_DAY) + 1
      : undefined,
  })
  const clocks = legalClocks(clock, { employmentEnd: input.employmentEnd }, days.counted)
  const appointments: AppointmentFacts[] = []
  for (const a of input.appointments ?? []) {
    const f: Mutable<AppointmentFacts> = {
      startsAt: a.startsAt,
      lateCancellation: isLateCancellation(a),
    }
    if (a.id) f.id = a.id
    appointments.push(f)
  }
  const interventions: InterventionFacts[] = []
  if (input.interventions?.length) {
    const wageIso =
      wageEnd === clock.nth(LAST_WAGE_DAY) ? clocks.wiaWachttijdLastDay : fromEpochDay(wageEnd)
    for (const i of input.interventions)
      interventions.push(
        interventionFacts(i, input.profile, clock, wageEnd, wageIso, input.moduleStartDate),
      )
  }
  return {
    firstSickDay: fromEpochDay(clock.d),
    periodsInCase: clock.periods.length,
    countedSickDays: days.counted,
    sickWeek: days.week,
    lastWageDay: clocks.wiaWachttijdLastDay,
    caseEnded: clock.caseEnd !== undefined,
    poortwachtergarantie: guarantee.status,
    guarantee,
    contractGuarantee,
    milestones,
    clocks,
    appointments,
    interventions,
    warnings:
      reporting?.warnings.length || late42.warning || rhythm?.warnings.length
        ? [
            ...norm.warnings,
            ...(late42.warning ? [late42.warning] : []),
            ...(reporting?.warnings ?? []),
            ...(rhythm?.warnings ?? []),
          ]
        : norm.warnings,
  }
}

/**
 * The evaluation rhythm of the plan in force (document-steps.ts `evaluationRhythm`), while the
 * case runs and the plan is signed by both; evaluations held by document or by hand mark count.
 */
function planRhythm(
  docs: readonly NonNullable<DossierTimelineInput['documents']>[number][],
  marks: CaseMarks,
  clock: CaseClock,
  planDone: number | undefined,
): { nextPromised: number | undefined; warnings: readonly DataWarning[] } | undefined {
  if (planDone === undefined || clock.caseEnd !== undefined || docs.length === 0) return undefined
  const plan = planInForce(docs, clock.d, clock.today)
  if (!plan) return undefined
  const since = bothSignedOn({ from: clock.d, today: clock.today }, plan) ?? planDone
  const held = evaluationDays(docs, clock.d, clock.today)
  for (const key of ['periodieke-evaluatie', 'eerstejaarsevaluatie']) {
    const m = marks.get(key)
    if (m?.firstDone !== undefined) held.push(m.firstDone)
    if (m?.lastDone !== undefined) held.push(m.lastDone)
  }
  const nextAgreed: number[] = []
  for (const d of docs)
    if (d.type === 'evaluatie' && d.nextEvaluationOn)
      nextAgreed.push(toEpochDay(d.nextEvaluationOn))
  return evaluationRhythm({ plan, since, held, nextAgreed, today: clock.today })
}

/** INT-2 facts of one intervention: the cost beside the weeks of wage continuation left. */
function interventionFacts(
  i: InterventionInput,
  profile: PolicyProfileId,
  clock: CaseClock,
  wageEnd: number,
  wageContinuationLastDay: IsoDate,
  moduleStart: IsoDate | undefined,
): InterventionFacts {
  const f: Mutable<InterventionFacts> = { wageContinuationLastDay }
  if (i.id) f.id = i.id
  if (i.kind) f.kind = i.kind
  if (i.provider) f.provider = i.provider
  if (i.quotedCostEuros !== undefined) f.quotedCostEuros = i.quotedCostEuros
  if (clock.caseEnd === undefined) f.remainingWageWeeks = weeksLeft(wageEnd, clock.today)
  const coverageRule = valueOn(policyProfile(profile).interventionsFromModuleStart, clock.d)
  if (coverageRule && moduleStart) f.sicknessFromModuleStart = clock.d >= toEpochDay(moduleStart)
  return f
}
