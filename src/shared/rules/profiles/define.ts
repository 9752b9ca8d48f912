import type { Rule } from './types'

/**
 * The seeds carry no date of their own: Hervat applies the version it holds from this day (the
 * first day of the parameter table's contract values). A new version of the conditions is a new
 * `RuleVersion` with its own `validFrom`, the old one getting a `validTo`.
 */
export const CONDITIONS_HELD_FROM = '2020-01-01'

/** A value with one version: the clause it rests on, in force from `validFrom`. */
export function since<T>(value: T, clause: string, validFrom = CONDITIONS_HELD_FROM): Rule<T> {
  return [{ value, clause, validFrom }]
}
