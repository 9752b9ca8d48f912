import type { PolicyProfileId } from '../../domain/policy-profile'

/**
 * A policy profile as data (ADR 0013; docs/timeline-contract.md "Contract version 2"). Every
 * value a rule reads is a `Rule`: one or more versions, each with the clause of the conditions
 * (or the law) it rests on and the period in which it is in force. The version in force on the
 * day a thing happens applies (a report: the day it concerns; a ground: the day it arose; the
 * case's own facts: its first sick day). Rule code reads these values and never asks which
 * profile it is looking at.
 */
export type RuleVersion<T> = {
  readonly value: T
  /** The clause the value rests on, e.g. `seed 000 art. 4.1, 4.2`; also the `source` shown. */
  readonly clause: string
  /** First day in force (YYYY-MM-DD). */
  readonly validFrom: string
  /** Last day in force (inclusive); absent = still in force. */
  readonly validTo?: string
}

/** The versions of one value, oldest first, each ending before the next begins. */
export type Rule<T> = readonly [RuleVersion<T>, ...RuleVersion<T>[]]

/** Later reports of contract version 2 (the first ziekmelding is `melding-arbodienst`). */
export const REPORT_KINDS = ['ziekmelding', 'wijziging', 'herstelmelding', 'loonsanctie'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

/** Every report a profile may set a term for: the first ziekmelding and the later kinds. */
export type ReportSubject = 'melding-arbodienst' | ReportKind

/**
 * A reporting term: the last day is `on` + `count` calendar days, or the `count`-th working
 * day after `on` (Algemene termijnenwet holidays). `null`: the profile sets no term.
 */
export type ReportTerm = {
  readonly unit: 'calendar-days' | 'working-days'
  readonly count: number
} | null

/** Recorded facts that may lapse the guarantee (contract version 2, "Recorded grounds"). */
export const GUARANTEE_GROUNDS = [
  'module-ended',
  'services-suspended',
  'information-late',
  'no-cooperation',
  'advice-not-followed',
  'guarantee-withdrawn',
  'voluntary-extension',
  'sanction-handling',
  'other-breach',
] as const
export type GuaranteeGround = (typeof GUARANTEE_GROUNDS)[number]

/**
 * When sickness that began before the cover means no guarantee:
 * - `first-sick-day-before`: the case's first sick day lies before one of `dates`;
 * - `sick-on`: a period of the case contains one of `dates` (sick on that day).
 */
export type PreExistingRule = {
  readonly test: 'first-sick-day-before' | 'sick-on'
  readonly dates: readonly ('moduleStart' | 'employmentStart')[]
} | null

/** Terugvalpreventie: absent longer than `absentMonths`, then `backAtWorkMonths` back at work. */
export type RelapsePrevention = {
  readonly absentMonths: number
  readonly backAtWorkMonths: number
} | null

/** An appointment cancelled later than `cancellationHours` ahead is a no-show, charged or not. */
export type NoShowRule = {
  readonly cancellationHours: number
  readonly charged: boolean
} | null

export type PolicyProfile = {
  readonly id: PolicyProfileId
  /** Product name as the insurer writes it (Dutch). */
  readonly product: string
  readonly insurer: string | null
  /** The conditions the values rest on (seed number), null for the law alone. */
  readonly conditions: string | null
  /** Days from the employee's sick report to the deadline `melding-arbodienst`. */
  readonly arboReportDays: Rule<number>
  /** Terms of the reports that bear on the poortwachtergarantie, per report. */
  readonly reportTerms: { readonly [K in ReportSubject]: Rule<ReportTerm> }
  readonly guarantee: {
    /** Whether the product has a poortwachtergarantie at all. */
    readonly offered: Rule<boolean>
    /** The guarantee holds only where the polisblad grants it (input `guaranteeOnPolicy`). */
    readonly onlyWhenOnPolicy: Rule<boolean>
    readonly preExistingSickness: Rule<PreExistingRule>
    /** Whether a recorded ground lapses the guarantee; the clause is the reason's source. */
    readonly grounds: { readonly [G in GuaranteeGround]: Rule<boolean> }
  }
  /** Calendar days after D when the arbo provider takes over the guidance (week 5: 28). */
  readonly arboTakeoverDays: Rule<number | null>
  /** Calendar days after D from which the Ontzorgmanager is deployed when long absence threatens. */
  readonly ontzorgmanagerFromDays: Rule<number | null>
  readonly relapsePrevention: Rule<RelapsePrevention>
  readonly noShow: Rule<NoShowRule>
  /** Interventions are reimbursed only for sickness that began on or after the module start. */
  readonly interventionsFromModuleStart: Rule<boolean>
  /** Services the product does not reimburse (Dutch, as the conditions name them). */
  readonly exclusions: Rule<readonly string[]>
}
