import { z } from 'zod'
import { POLICY_PROFILE_IDS } from '../domain/policy-profile'
import { parseIsoDate, type IsoDate } from '../kernel/iso-date'
import { DEADLINE_KEYS, type TimelineCase } from './timeline'

/**
 * Validation of a timeline case at the boundary (CLI, server, imports). Messages are English and
 * name the field as the contract shows it: `sickPeriods[1].end is before start`.
 */
const date = z.string({ error: 'must be a date YYYY-MM-DD' }).transform((v, ctx): IsoDate => {
  const d = parseIsoDate(v)
  if (!d) {
    ctx.addIssue({
      code: 'custom',
      message: `is not a valid date YYYY-MM-DD: ${JSON.stringify(v)}`,
    })
    return z.NEVER
  }
  return d
})

const caseSchema = z
  .object(
    {
      today: date,
      profile: z
        .enum(POLICY_PROFILE_IDS, { error: `must be one of ${POLICY_PROFILE_IDS.join(', ')}` })
        .optional(),
      sickPeriods: z
        .array(
          z.object(
            { start: date, end: date.nullable().optional() },
            { error: 'must be an object { start, end? }' },
          ),
          { error: 'is required: an array of sick periods' },
        )
        .min(1, 'must contain at least one sick period'),
      leaves: z
        .array(
          z.object({ start: date, end: date }, { error: 'must be an object { start, end }' }),
          {
            error: 'must be an array',
          },
        )
        .optional(),
      sameCauseAroundLeave: z.boolean({ error: 'must be true or false' }).optional(),
      reportedByEmployee: date.optional(),
      done: z
        .partialRecord(
          z.enum(DEADLINE_KEYS, { error: `keys must be one of ${DEADLINE_KEYS.join(', ')}` }),
          date,
          {
            error: `must map deadline keys (${DEADLINE_KEYS.join(', ')}) to dates`,
          },
        )
        .optional(),
    },
    { error: 'must be a case object' },
  )
  .superRefine((c, ctx) => {
    const periods = c.sickPeriods
    periods.forEach((p, i) => {
      if (p.end && p.end < p.start)
        ctx.addIssue({
          code: 'custom',
          path: ['sickPeriods', i, 'end'],
          message: 'is before start',
        })
      else if (p.end && p.end > c.today)
        ctx.addIssue({
          code: 'custom',
          path: ['sickPeriods', i, 'end'],
          message: 'is after today (a recovery is registered when it has happened)',
        })
      const prev = periods[i - 1]
      if (prev) {
        if (!prev.end)
          ctx.addIssue({
            code: 'custom',
            path: ['sickPeriods', i - 1, 'end'],
            message: 'is missing: only the last period may be open',
          })
        else if (p.start <= prev.end)
          ctx.addIssue({
            code: 'custom',
            path: ['sickPeriods', i, 'start'],
            message: 'overlaps or precedes the previous period',
          })
      }
    })
    c.leaves?.forEach((l, i) => {
      if (l.end < l.start)
        ctx.addIssue({ code: 'custom', path: ['leaves', i, 'end'], message: 'is before start' })
    })
  })

function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p)
  return out
}

export type CaseParse = { ok: true; value: TimelineCase } | { ok: false; error: string }

/** Parses one case; the error reads `<field> <problem>`. */
export function parseTimelineCase(value: unknown): CaseParse {
  const r = caseSchema.safeParse(value)
  if (r.success) return { ok: true, value: r.data as TimelineCase }
  const issue = r.error.issues[0]
  if (!issue) return { ok: false, error: 'is invalid' }
  const field = formatPath(issue.path)
  return { ok: false, error: field ? `${field} ${issue.message}` : issue.message }
}
