import type { PolicyProfileId } from '../../domain/policy-profile'
import { toEpochDay, type IsoDate } from '../../kernel/iso-date'
import { AMERSFOORTSE_ONTZORGMANAGER } from './amersfoortse-ontzorgmanager'
import { ASR_MKB_VERZUIM_ONTZORG } from './asr-mkb-verzuim-ontzorg'
import { ASR_REINTEGRATIEMANAGER } from './asr-reintegratiemanager'
import { GOUDSE_OP_MAAT } from './goudse-op-maat'
import type { PolicyProfile, Rule, RuleVersion } from './types'
import { WETTELIJK } from './wettelijk'

export * from './types'

/** One definition per product (ADR 0013), keyed by its id. */
export const POLICY_PROFILES: { readonly [K in PolicyProfileId]: PolicyProfile } = {
  wettelijk: WETTELIJK,
  'amersfoortse-ontzorgmanager': AMERSFOORTSE_ONTZORGMANAGER,
  'asr-reintegratiemanager': ASR_REINTEGRATIEMANAGER,
  'goudse-op-maat': GOUDSE_OP_MAAT,
  'asr-mkb-verzuim-ontzorg': ASR_MKB_VERZUIM_ONTZORG,
}

/** The profile used when a case names none (docs/timeline-contract.md: the default). */
export const DEFAULT_PROFILE: PolicyProfileId = 'wettelijk'

export function policyProfile(id: PolicyProfileId | undefined): PolicyProfile {
  return POLICY_PROFILES[id ?? DEFAULT_PROFILE]
}

const epochCache = new Map<string, number>()
function epoch(date: string): number {
  let e = epochCache.get(date)
  if (e === undefined) epochCache.set(date, (e = toEpochDay(date as IsoDate)))
  return e
}

/**
 * The version of a rule in force on `day` (epoch day): the one whose validity contains it.
 * Before the first version, the oldest applies (nothing earlier is held); after a version that
 * ended without a successor, the newest.
 */
export function ruleOn<T>(rule: Rule<T>, day: number): RuleVersion<T> {
  const first = rule[0]
  if (rule.length === 1) return first
  for (const v of rule)
    if (epoch(v.validFrom) <= day && (v.validTo === undefined || day <= epoch(v.validTo))) return v
  return day < epoch(first.validFrom) ? first : (rule[rule.length - 1] as RuleVersion<T>)
}

/** The value of a rule in force on `day` (epoch day). */
export function valueOn<T>(rule: Rule<T>, day: number): T {
  return ruleOn(rule, day).value
}

/** The conditions the seed numbers in the clauses stand for, as the casemanager knows them. */
export const CONDITIONS_TITLES: Readonly<Record<string, string>> = {
  'seed 000': 'Voorwaarden Ontzorgmanager De Amersfoortse',
  'seed 001': 'Voorwaarden Re-integratiemanager a.s.r.',
  'seed 002': 'MKB Verzuim-ontzorgverzekering a.s.r.',
  'seed 003': 'Voorwaarden Arbo- en verzuimbegeleiding Op Maat De Goudse',
  'seed 004': 'Verrichtingenlijst MKB Verzuim-ontzorgverzekering KNMT 2024 a.s.r.',
}

/**
 * A clause as the app shows it (Dutch): each seed number preceded by the title of its
 * conditions, e.g. `Voorwaarden Ontzorgmanager De Amersfoortse (seed 000) art. 4.1, 4.2`.
 */
export function citeClause(clause: string): string {
  let cited = citedClauses.get(clause)
  if (cited === undefined) {
    cited = clause.replace(/seed \d{3}/g, (seed) => {
      const title = CONDITIONS_TITLES[seed]
      return title ? `${title} (${seed})` : seed
    })
    citedClauses.set(clause, cited)
  }
  return cited
}
/** The few clauses of the profiles, cited once each. */
const citedClauses = new Map<string, string>()
