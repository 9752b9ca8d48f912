import type { z } from 'zod'
import { normalizeBsn } from '../domain/bsn'
import { employeeInputSchema, employerInputSchema } from '../domain/entities'
import { POLICY_PROFILE_IDS, POLICY_PROFILE_LABELS } from '../domain/policy-profile'
import { issuePath } from '../domain/validation'
import { foldForSearch } from '../kernel/text'
import { IMPORT_FIELDS, type ColumnMapping, type ImportKind } from './columns'

/**
 * The dry run of an import: every row of the file checked against the same schemas the forms
 * use, matched against what is already on this computer, and given one action. Nothing is
 * written here; the storage layer applies a plan in one transaction (all valid rows or nothing).
 */

/** A cell as a CSV or spreadsheet reader gives it (a spreadsheet's date cell is a Date). */
export type ImportCell = string | number | boolean | Date | null | undefined

export type ImportProblem = {
  /** The field's key, e.g. `bsn` or `address.postcode`. */
  readonly field: string
  /** The column as the casemanager knows it: the file's header, else the template's name. */
  readonly column: string
  readonly message: string
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'invalid'

export type PlannedRow = {
  /** Line in the file, the header being line 1. */
  readonly line: number
  readonly action: RowAction
  readonly label: string
  readonly problems: readonly ImportProblem[]
  /** The validated input for the repository (create or update). */
  readonly input?: Readonly<Record<string, unknown>>
  readonly existingId?: string
  /** For `update`: the fields that change. */
  readonly changedFields?: readonly string[]
}

export type ImportPlan = {
  readonly kind: ImportKind
  readonly rows: readonly PlannedRow[]
  readonly counts: Readonly<Record<RowAction, number>>
}

type ExistingEmployer = { readonly id: string; readonly name: string; readonly kvkNumber?: string }

export type ExistingData = {
  /** Every werkgever on this computer, with its stored input fields. */
  readonly employers: readonly (ExistingEmployer & Record<string, unknown>)[]
  /** Every werknemer on this computer (with its BSN), with its stored input fields. */
  readonly employees: readonly ({ readonly id: string; readonly bsn: string } & Record<
    string,
    unknown
  >)[]
}

const fold = (s: string) => foldForSearch(s).replace(/\s+/g, ' ').trim()

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** A cell as text the field schemas parse: dates as YYYY-MM-DD, numbers as they are. */
export function cellText(cell: ImportCell): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return ''
    return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`
  }
  if (typeof cell === 'boolean') return cell ? 'ja' : 'nee'
  return String(cell).trim()
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.')
  let at = target
  for (const k of keys.slice(0, -1)) {
    const next = at[k]
    at = (at[k] = typeof next === 'object' && next !== null ? { ...next } : {}) as Record<
      string,
      unknown
    >
  }
  at[keys[keys.length - 1] ?? path] = value
}

const INPUT_KEYS: Record<ImportKind, readonly string[]> = {
  werkgevers: Object.keys(employerInputSchema.shape),
  werknemers: Object.keys(employeeInputSchema.shape),
}

/** The stored record's input fields (no id, timestamps or index columns). */
function inputOf(kind: ImportKind, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of INPUT_KEYS[kind]) if (record[k] !== undefined) out[k] = record[k]
  return out
}

const PROFILE_BY_NAME = new Map<string, string>(
  POLICY_PROFILE_IDS.flatMap((id) => [
    [fold(id), id],
    [fold(POLICY_PROFILE_LABELS[id]), id],
  ]),
)

function resolveEmployer(
  text: string,
  employers: readonly ExistingEmployer[],
): { id: string } | { problem: string } {
  const digits = text.replace(/\s/g, '')
  if (/^\d{8}$/.test(digits)) {
    const byKvk = employers.filter((e) => e.kvkNumber === digits)
    if (byKvk.length === 1 && byKvk[0]) return { id: byKvk[0].id }
  }
  const byName = employers.filter((e) => fold(e.name) === fold(text))
  if (byName.length === 1 && byName[0]) return { id: byName[0].id }
  if (byName.length > 1)
    return {
      problem: `Er zijn ${byName.length} werkgevers met de naam “${text}”: gebruik het KvK-nummer.`,
    }
  return {
    problem: `Onbekende werkgever “${text}”: maak of importeer eerst de werkgever, of gebruik het KvK-nummer.`,
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

export function planImport(
  kind: ImportKind,
  header: readonly string[],
  rows: readonly (readonly ImportCell[])[],
  mapping: ColumnMapping,
  existing: ExistingData,
): ImportPlan {
  const fields = IMPORT_FIELDS[kind]
  const columnName = (key: string): string => {
    const i = mapping[key] ?? -1
    const f = fields.find((x) => x.key === key || key.startsWith(`${x.key}.`))
    return (i >= 0 ? header[i] : undefined) || f?.label || key
  }
  const schema: z.ZodType = kind === 'werkgevers' ? employerInputSchema : employeeInputSchema
  const employeesByBsn = new Map(existing.employees.map((e) => [normalizeBsn(e.bsn), e]))
  const seen = new Map<string, number>()
  const planned: PlannedRow[] = []

  rows.forEach((cells, index) => {
    const line = index + 2
    const texts = cells.map(cellText)
    if (texts.every((t) => t === '')) return
    const value = (key: string) => {
      const i = mapping[key] ?? -1
      return i >= 0 ? (texts[i] ?? '') : undefined
    }
    const problems: ImportProblem[] = []
    const mapped: Record<string, unknown> = {}
    for (const f of fields) {
      const v = value(f.key)
      if (v === undefined) {
        if (f.required)
          problems.push({ field: f.key, column: f.label, message: 'Deze kolom ontbreekt.' })
        continue
      }
      if (f.key === 'employer') continue
      if (f.key === 'policyProfile') {
        const id = PROFILE_BY_NAME.get(fold(v))
        if (id) mapped['policyProfile'] = id
        else
          problems.push({
            field: f.key,
            column: columnName(f.key),
            message: `Onbekend polisprofiel “${v}”. Kies uit: ${POLICY_PROFILE_IDS.map((p) => POLICY_PROFILE_LABELS[p]).join('; ')}.`,
          })
        continue
      }
      setPath(mapped, f.key, v)
    }

    // Identity and the record it matches.
    let match: Record<string, unknown> | undefined
    let identity: string | undefined
    let label: string
    if (kind === 'werknemers') {
      const employerText = value('employer')
      if (employerText !== undefined) {
        const r = resolveEmployer(employerText, existing.employers)
        if ('id' in r) mapped['employerId'] = r.id
        else
          problems.push({ field: 'employer', column: columnName('employer'), message: r.problem })
      }
      const bsn = normalizeBsn(value('bsn') ?? '')
      identity = bsn ? `bsn:${bsn}` : undefined
      match = bsn ? employeesByBsn.get(bsn) : undefined
      label = [value('firstName'), value('infix'), value('lastName')].filter(Boolean).join(' ')
    } else {
      const kvk = (value('kvkNumber') ?? '').replace(/\s/g, '')
      const name = value('name') ?? ''
      identity = kvk ? `kvk:${kvk}` : name ? `name:${fold(name)}` : undefined
      match = existing.employers.find((e) =>
        kvk ? e.kvkNumber === kvk : fold(e.name) === fold(name),
      )
      label = name
    }
    if (identity) {
      const first = seen.get(identity)
      if (first !== undefined)
        problems.push({
          field: kind === 'werknemers' ? 'bsn' : 'kvkNumber',
          column: columnName(kind === 'werknemers' ? 'bsn' : 'kvkNumber'),
          message: `Dubbel: ${kind === 'werknemers' ? 'dezelfde BSN' : 'dezelfde werkgever'} staat ook in regel ${first}.`,
        })
      else seen.set(identity, line)
    }

    // An update keeps every field the file does not have.
    const before = match ? inputOf(kind, match) : undefined
    const raw: Record<string, unknown> = {
      ...(kind === 'werkgevers' ? { address: {}, contactPerson: {} } : { address: {} }),
      ...(before ? structuredClone(before) : {}),
    }
    for (const [k, v] of Object.entries(mapped)) {
      if (typeof v === 'object' && v !== null && typeof raw[k] === 'object' && raw[k] !== null)
        raw[k] = { ...(raw[k] as object), ...(v as object) }
      else raw[k] = v
    }
    const parsed = schema.safeParse(raw)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issuePath(issue.path) || 'rij'
        const field = path === 'employerId' ? 'employer' : path
        if (problems.some((p) => p.field === field)) continue
        problems.push({ field, column: columnName(field), message: issue.message })
      }
    }
    if (problems.length > 0 || !parsed.success) {
      planned.push({ line, action: 'invalid', label, problems })
      return
    }
    const input = parsed.data as Record<string, unknown>
    if (!match) {
      planned.push({ line, action: 'create', label, problems: [], input })
      return
    }
    const stored = inputOf(kind, match)
    const changedFields = Object.keys(input).filter((k) => !sameValue(input[k], stored[k]))
    planned.push({
      line,
      action: changedFields.length === 0 ? 'unchanged' : 'update',
      label,
      problems: [],
      input,
      existingId: String(match['id']),
      changedFields,
    })
  })

  const counts = { create: 0, update: 0, unchanged: 0, invalid: 0 }
  for (const r of planned) counts[r.action]++
  return { kind, rows: planned, counts }
}
