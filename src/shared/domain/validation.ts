import type { z } from 'zod'
import type { AppError, Result } from '../kernel/errors'

/** Dotted path of a zod issue, e.g. `sickPeriods.1.end`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.')
}

/** Parses `unknown` at a boundary; the error names the first offending field. */
export function parseAt<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix = '',
): Result<z.output<S>, Extract<AppError, { kind: 'validation' }>> {
  const r = schema.safeParse(value)
  if (r.success) return { ok: true, value: r.data }
  const issue = r.error.issues[0]
  const field = [prefix, issue ? issuePath(issue.path) : ''].filter(Boolean).join('.')
  return {
    ok: false,
    error: {
      kind: 'validation',
      field,
      message: `${field ? `${field}: ` : ''}${issue?.message ?? 'ongeldig'}`,
    },
  }
}
