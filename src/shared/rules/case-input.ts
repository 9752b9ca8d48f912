import { z } from 'zod'
import { POLICY_PROFILE_IDS } from '../domain/policy-profile'
import { parseIsoDate, type IsoDate } from '../kernel/iso-date'
import { GUARANTEE_GROUNDS, REPORT_KINDS } from './profiles'
import { DEADLINE_KEYS, type TimelineCase } from './timeline'

/**
 * Validation of a timeline case at the boundary (CLI, sync server, imports), per
 * docs/timeline-contract.md "Input: a case" and "Contract version 2" (its new fields accept
 * `null` as absent). Messages are English and name the field the way the
 * contract does: `sickPeriods[1].end is before start`.
 */
const missingOr =
  (message: string) =>
  (issue: { input: unknown }): string =>
    issue.input === undefined ? `is missing (${message})` : message

const date = z
  .string({ error: missingOr('must be a date YYYY-MM-DD') })
  .transform((v, ctx): IsoDate => {
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

/** A version-2 optional field: absent or `null`. */
const optional = <T extends z.ZodType>(t: T) => t.nullable().optional()

const report = z.object(
  {
    kind: z.enum(REPORT_KINDS, {
      error: missingOr(`must be one of ${REPORT_KINDS.join(', ')}`),
    }),
    on: date,
    reportedOn: optional(date),
  },
  { error: 'must be an object { kind, on, reportedOn? }' },
)

const guaranteeEvent = z.object(
  {
    ground: z.enum(GUARANTEE_GROUNDS, {
      error: missingOr(`must be one of ${GUARANTEE_GROUNDS.join(', ')}`),
    }),
    on: date,
  },
  { error: 'must be an object { ground, on }' },
)

const isDeadlineKey = (k: string) => (DEADLINE_KEYS as readonly string[]).includes(k)

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
          { error: missingOr('must be an array of sick periods') },
        )
        .min(1, 'must contain at least one sick period'),
      leaves: z
        .array(
          z.object({ start: date, end: date }, { error: 'must be an object { start, end }' }),
          {
            error: 'must be an array of leaves',
          },
        )
        .optional(),
      sameCauseAroundLeave: z.boolean({ error: 'must be true or false' }).optional(),
      reportedByEmployee: date.optional(),
      done: z
        .record(z.string(), date, {
          error: `must be an object mapping deadline keys to dates`,
        })
        .optional(),
      reports: optional(z.array(report, { error: 'must be an array of reports' })),
      moduleStart: optional(date),
      employmentStart: optional(date),
      guaranteeOnPolicy: optional(z.boolean({ error: 'must be true or false' })),
      guaranteeEvents: optional(
        z.array(guaranteeEvent, { error: 'must be an array of guarantee events' }),
      ),
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
      if (!prev) return
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
          message: 'overlaps or precedes the previous period (periods must be chronological)',
        })
    })
    c.leaves?.forEach((l, i) => {
      if (l.end < l.start)
        ctx.addIssue({ code: 'custom', path: ['leaves', i, 'end'], message: 'is before start' })
    })
    c.reports?.forEach((r, i) => {
      if (r.on > c.today)
        ctx.addIssue({ code: 'custom', path: ['reports', i, 'on'], message: 'is after today' })
      if (r.reportedOn && r.reportedOn > c.today)
        ctx.addIssue({
          code: 'custom',
          path: ['reports', i, 'reportedOn'],
          message: 'is after today',
        })
    })
    for (const key of Object.keys(c.done ?? {})) {
      if (!isDeadlineKey(key))
        ctx.addIssue({
          code: 'custom',
          path: ['done', key],
          message: `is not a deadline key (one of ${DEADLINE_KEYS.join(', ')})`,
        })
    }
  })

function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p)
  return out
}

export type CaseParse = { ok: true; value: TimelineCase } | { ok: false; error: string }

/** Parses one case; the error reads `<field> <problem>` (the first problem found). */
export function parseTimelineCase(value: unknown): CaseParse {
  const r = caseSchema.safeParse(value)
  if (r.success) return { ok: true, value: r.data as TimelineCase }
  const issue = r.error.issues[0]
  if (!issue) return { ok: false, error: 'is invalid' }
  const field = formatPath(issue.path)
  return { ok: false, error: field ? `${field} ${issue.message}` : issue.message }
}

export type CasesParse =
  { ok: true; many: boolean; cases: TimelineCase[] } | { ok: false; error: string }

/**
 * A file's content: one case object or an array of them. The error names the case index, also
 * for a single object (`case 0: …`), per docs/timeline-contract.md.
 */
export function parseTimelineCases(json: unknown): CasesParse {
  const many = Array.isArray(json)
  const raw: readonly unknown[] = many ? json : [json]
  const cases: TimelineCase[] = []
  for (let i = 0; i < raw.length; i++) {
    const r = parseTimelineCase(raw[i])
    if (!r.ok) return { ok: false, error: `case ${i}: ${r.error}` }
    cases.push(r.value)
  }
  return { ok: true, many, cases }
}
