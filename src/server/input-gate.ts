import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HttpError } from './http-error'

/**
 * The input gate (ADR 0012): every string of a request (body, query, path parameters, object
 * keys included) is valid Unicode without NUL before any handler sees it, so nothing that cannot
 * be stored (PostgreSQL refuses NUL in text and lone surrogates in jsonb) reaches the database.
 * A refusal is a 400 naming the field as a dotted path (`changes.3.value.street`), which the sync
 * client reads as "this change has an invalid value". Nesting deeper than MAX_DEPTH is refused
 * too: no legitimate value is that deep, and it bounds the work of every later step.
 */

export const MAX_DEPTH = 32

/** ES2024 (Node 20): false when the string holds a lone surrogate. */
const wellFormed = (s: string): boolean =>
  (s as unknown as { isWellFormed: () => boolean }).isWellFormed()
const badString = (s: string): boolean => s.includes('\u0000') || !wellFormed(s)

/** The path of the first string that may not be stored, or of a value nested too deep. */
export function findBadInput(
  value: unknown,
  prefix: readonly string[] = [],
): { path: string[]; reason: 'text' | 'depth' } | undefined {
  const stack: { v: unknown; path: readonly string[] }[] = [{ v: value, path: prefix }]
  while (stack.length) {
    const { v, path } = stack.pop()!
    if (typeof v === 'string') {
      if (badString(v)) return { path: [...path], reason: 'text' }
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      if (path.length - prefix.length >= MAX_DEPTH) return { path: [...path], reason: 'depth' }
      const entries = Array.isArray(v)
        ? v.map((x, i) => [String(i), x] as const)
        : Object.entries(v as Record<string, unknown>)
      for (const [k, x] of entries) {
        if (badString(k)) return { path: [...path], reason: 'text' }
        stack.push({ v: x, path: [...path, k] })
      }
    }
  }
  return undefined
}

function check(value: unknown): void {
  const bad = findBadInput(value)
  if (!bad) return
  const field = bad.path.join('.') || 'body'
  throw new HttpError(
    'validation',
    bad.reason === 'text'
      ? 'Dit veld bevat een teken dat niet kan worden opgeslagen (een nul-teken of ongeldige Unicode).'
      : 'Deze waarde is te diep genest.',
    field,
  )
}

export function installInputGate(app: FastifyInstance): void {
  app.addHook('preValidation', async (req: FastifyRequest) => {
    check(req.params)
    check(req.query)
    check(req.body)
  })
}
