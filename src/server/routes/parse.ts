import type { z } from 'zod'
import { HttpError } from '../http-error'

/** Parses a request part with a zod schema; a failure is a 400 naming the field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body)
  if (r.success) return r.data
  const issue = r.error.issues[0]
  const field = issue?.path.map(String).join('.') || 'body'
  throw new HttpError('validation', issue?.message ?? 'Ongeldige invoer.', field)
}
