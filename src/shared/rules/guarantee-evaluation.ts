import { fromEpochDay, type IsoDate } from '../kernel/iso-date'
import type { DaySpan } from './clock'
import { addWorkingEpochDays } from './holidays'
import {
  GUARANTEE_GROUNDS,
  ruleOn,
  valueOn,
  type GuaranteeGround,
  type PolicyProfile,
  type ReportKind,
  type ReportSubject,
  type ReportTerm,
} from './profiles'

/**
 * The poortwachtergarantie of one case under contract version 2 (docs/timeline-contract.md
 * "Contract version 2: reports and the poortwachtergarantie"). Everything the profile decides
 * (which reports have a term, which grounds lapse it, what sickness before the cover means) is
 * read from its definition; nothing here depends on which profile it is.
 */
export type GuaranteeV2Status = 'not-applicable' | 'active' | 'at-risk' | 'lapsed'

export type GuaranteeReason = { ground: string; on: IsoDate; source: string }

export type GuaranteeResult = {
  status: GuaranteeV2Status
  /** Only when lapsed: the day it lapsed (the first reason's `on`). */
  since?: IsoDate
  reasons: GuaranteeReason[]
}

/** A report in epoch days; `reportedOn` undefined = not yet passed on. */
export type ReportFact = {
  readonly kind: ReportSubject
  readonly on: number
  readonly reportedOn: number | undefined
}

export type GroundFact = { readonly ground: GuaranteeGround; readonly on: number }

export type GuaranteeFacts = {
  readonly profile: PolicyProfile
  /** First sick day of the case. */
  readonly d: number
  readonly today: number
  /** The case's periods (an open last period has no upper bound). */
  readonly periods: readonly DaySpan[]
  /**
   * The case's first ziekmelding (`melding-arbodienst`): `on` = the employee's report (or D),
   * `reportedOn` = its done date when that belongs to this case.
   */
  readonly firstReport: ReportFact
  /** Later reports (contract input `reports`). */
  readonly reports: readonly ReportFact[]
  readonly moduleStart: number | undefined
  readonly employmentStart: number | undefined
  /** Whether the polisblad grants the guarantee (default true). */
  readonly guaranteeOnPolicy: boolean
  readonly events: readonly GroundFact[]
}

/** The last day of a term that runs from `on`. */
export function termDue(term: NonNullable<ReportTerm>, on: number): number {
  return term.unit === 'working-days' ? addWorkingEpochDays(on, term.count) : on + term.count
}

type Reason = { ground: string; on: number; source: string }

/** Sorted by `on`, then `ground` in code-point order; a (ground, on) pair once. */
function finish(status: GuaranteeV2Status, reasons: Reason[]): GuaranteeResult {
  reasons.sort((a, b) =>
    a.on !== b.on ? a.on - b.on : a.ground < b.ground ? -1 : a.ground > b.ground ? 1 : 0,
  )
  const out: GuaranteeReason[] = []
  let prev: Reason | undefined
  for (const r of reasons) {
    if (prev && prev.on === r.on && prev.ground === r.ground) continue
    out.push({ ground: r.ground, on: fromEpochDay(r.on), source: r.source })
    prev = r
  }
  const first = out[0]
  return status === 'lapsed' && first
    ? { status, since: first.on, reasons: out }
    : { status, reasons: out }
}

const ACTIVE: () => GuaranteeResult = () => ({ status: 'active', reasons: [] })

/** Whether `day` lies in one of the periods (`start` ≤ day ≤ `end`; open: no upper bound). */
function sickOn(periods: readonly DaySpan[], day: number): boolean {
  for (const p of periods) if (p.start <= day && (p.end === undefined || day <= p.end)) return true
  return false
}

/** Rule 1 of the status: the causes that mean the guarantee does not apply to this case. */
function notApplicableCauses(f: GuaranteeFacts): Reason[] | undefined {
  const g = f.profile.guarantee
  let out: Reason[] | undefined
  const onPolicy = ruleOn(g.onlyWhenOnPolicy, f.d)
  if (onPolicy.value && !f.guaranteeOnPolicy)
    (out ??= []).push({ ground: 'not-on-policy', on: f.d, source: onPolicy.clause })
  if (f.moduleStart !== undefined || f.employmentStart !== undefined) {
    const pre = ruleOn(g.preExistingSickness, f.d)
    if (pre.value) {
      for (const which of pre.value.dates) {
        const date = which === 'moduleStart' ? f.moduleStart : f.employmentStart
        if (date === undefined) continue
        const holds =
          pre.value.test === 'first-sick-day-before' ? f.d < date : sickOn(f.periods, date)
        if (holds)
          (out ??= []).push({ ground: 'pre-existing-sickness', on: date, source: pre.clause })
      }
    }
  }
  for (const e of f.events) {
    if (e.ground !== 'module-ended' || e.on > f.d) continue
    const named = ruleOn(g.grounds['module-ended'], e.on)
    if (named.value) (out ??= []).push({ ground: e.ground, on: e.on, source: named.clause })
  }
  return out
}

/** A report's outcome: added to the lapse or at-risk reasons, or nothing. */
type Outcome = { lapsed?: Reason[]; atRisk?: Reason[] }

function judgeReport(f: GuaranteeFacts, r: ReportFact, out: Outcome): void {
  const term = ruleOn(f.profile.reportTerms[r.kind], r.on)
  if (!term.value) return
  const due = termDue(term.value, r.on)
  if (r.reportedOn !== undefined) {
    if (r.reportedOn > due)
      (out.lapsed ??= []).push({ ground: `${r.kind}-late`, on: due + 1, source: term.clause })
  } else if (f.today > due)
    (out.lapsed ??= []).push({ ground: `${r.kind}-missing`, on: due + 1, source: term.clause })
  else if (r.on <= f.today)
    (out.atRisk ??= []).push({ ground: `${r.kind}-due`, on: due, source: term.clause })
}

/**
 * The guarantee of one case (contract version 2, "Output: guarantee"): not-applicable, then
 * lapsed, then at-risk, then active, first rule that applies.
 */
export function evaluateGuarantee(f: GuaranteeFacts): GuaranteeResult {
  const g = f.profile.guarantee
  if (!valueOn(g.offered, f.d)) return { status: 'not-applicable', reasons: [] }
  const causes = notApplicableCauses(f)
  if (causes) return finish('not-applicable', causes)

  const out: Outcome = {}
  judgeReport(f, f.firstReport, out)
  for (const r of f.reports) if (r.on >= f.d) judgeReport(f, r, out)
  for (const e of f.events) {
    if (e.on < f.d) continue
    const named = ruleOn(g.grounds[e.ground], e.on)
    if (!named.value) continue
    const reason = { ground: e.ground, on: e.on, source: named.clause }
    if (e.on <= f.today) (out.lapsed ??= []).push(reason)
    else (out.atRisk ??= []).push(reason)
  }
  if (out.lapsed) return finish('lapsed', out.lapsed)
  if (out.atRisk) return finish('at-risk', out.atRisk)
  return ACTIVE()
}

/** Version 1's `poortwachtergarantie`: the status, with `at-risk` shown as `active`. */
export function v1Guarantee(status: GuaranteeV2Status): 'not-applicable' | 'active' | 'lapsed' {
  return status === 'at-risk' ? 'active' : status
}

/** Whether `s` is a recorded ground of the contract. */
export const isGuaranteeGround = (s: string): s is GuaranteeGround =>
  (GUARANTEE_GROUNDS as readonly string[]).includes(s)

export type { GuaranteeGround, ReportKind }
