/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest'
import { POLICY_PROFILE_IDS } from '../../domain/policy-profile'
import { parseIsoDate, toEpochDay, type IsoDate } from '../../kernel/iso-date'
import { citeClause, POLICY_PROFILES, policyProfile, ruleOn, valueOn, type Rule } from './index'

/** Metadata of a profile, not rule values. */
const METADATA = new Set(['id', 'product', 'insurer', 'conditions'])

type Problem = string

/**
 * Every value below a profile's metadata must sit in a rule version with a clause and a
 * validity; a rule's versions are chronological and do not overlap.
 */
function problemsOf(value: unknown, path: string): Problem[] {
  if (Array.isArray(value)) return problemsOfRule(value, path)
  if (value !== null && typeof value === 'object') {
    const out: Problem[] = []
    for (const [k, v] of Object.entries(value)) out.push(...problemsOf(v, `${path}.${k}`))
    return out
  }
  return [`${path} is a bare value without clause or validity`]
}

function problemsOfRule(rule: readonly unknown[], path: string): Problem[] {
  if (rule.length === 0) return [`${path} has no version`]
  const out: Problem[] = []
  let prevEnd: string | undefined
  rule.forEach((v, i) => {
    const at = `${path}[${i}]`
    if (v === null || typeof v !== 'object' || !('value' in v)) {
      out.push(`${at} is not a rule version { value, clause, validFrom }`)
      return
    }
    const { clause, validFrom, validTo } = v as Record<string, unknown>
    if (typeof clause !== 'string' || clause.trim().length < 4) out.push(`${at} lacks its clause`)
    if (typeof validFrom !== 'string' || !parseIsoDate(validFrom))
      out.push(`${at} lacks a validFrom date`)
    if (validTo !== undefined && (typeof validTo !== 'string' || !parseIsoDate(validTo)))
      out.push(`${at}.validTo is not a date`)
    if (typeof validTo === 'string' && typeof validFrom === 'string' && validTo < validFrom)
      out.push(`${at} ends before it begins`)
    if (i < rule.length - 1 && validTo === undefined)
      out.push(`${at} is followed by a newer version but has no validTo`)
    if (prevEnd !== undefined && typeof validFrom === 'string' && validFrom <= prevEnd)
      out.push(`${at} overlaps the version before it`)
    prevEnd = typeof validTo === 'string' ? validTo : undefined
  })
  return out
}

function profileProblems(profile: object): Problem[] {
  const out: Problem[] = []
  for (const [k, v] of Object.entries(profile)) if (!METADATA.has(k)) out.push(...problemsOf(v, k))
  return out
}

describe('policy profiles as data (ADR 0013)', () => {
  it('one definition per product, under its own id', () => {
    expect(Object.keys(POLICY_PROFILES).sort()).toEqual([...POLICY_PROFILE_IDS].sort())
    for (const id of POLICY_PROFILE_IDS) expect(POLICY_PROFILES[id].id).toBe(id)
    expect(policyProfile(undefined).id).toBe('wettelijk')
  })

  it.each(POLICY_PROFILE_IDS.map((id) => [id]))(
    '%s: every value has the clause it rests on and a validity period',
    (id) => {
      expect(profileProblems(POLICY_PROFILES[id])).toEqual([])
    },
  )

  it('the check finds a value without clause, without validity, or outside a rule', () => {
    const good = POLICY_PROFILES['goudse-op-maat']
    const noClause = {
      ...good,
      arboTakeoverDays: [{ value: 28, clause: '', validFrom: '2020-01-01' }],
    }
    const noValidity = { ...good, noShow: [{ value: null, clause: 'seed 003 art. 4.1' }] }
    const bare = { ...good, guarantee: { ...good.guarantee, offered: true } }
    const overlapping = {
      ...good,
      arboTakeoverDays: [
        { value: 28, clause: 'seed 003 art. 2.1', validFrom: '2020-01-01', validTo: '2025-12-31' },
        { value: 21, clause: 'seed 003 art. 2.1', validFrom: '2025-06-01' },
      ],
    }
    expect(profileProblems(noClause)).toEqual(['arboTakeoverDays[0] lacks its clause'])
    expect(profileProblems(noValidity)).toEqual(['noShow[0] lacks a validFrom date'])
    expect(profileProblems(bare)).toEqual([
      'guarantee.offered is a bare value without clause or validity',
    ])
    expect(profileProblems(overlapping)).toEqual([
      'arboTakeoverDays[1] overlaps the version before it',
    ])
  })

  it('the version in force on the day a thing happens applies', () => {
    const rule: Rule<number> = [
      { value: 2, clause: 'versie 2024', validFrom: '2024-01-01', validTo: '2024-12-31' },
      { value: 3, clause: 'versie 2025', validFrom: '2025-01-01' },
    ]
    const on = (d: string) => toEpochDay(d as IsoDate)
    expect(valueOn(rule, on('2024-12-31'))).toBe(2)
    expect(ruleOn(rule, on('2025-01-01'))).toMatchObject({ value: 3, clause: 'versie 2025' })
    expect(valueOn(rule, on('2019-05-01'))).toBe(2) // before the first version: the oldest
  })
})

/**
 * Rule code: every source file under src/shared/rules, read as text through Vite (no node:fs in
 * src/shared), without tests and without the profile data files (one per profile id).
 */
const allSources = import.meta.glob<string>(['../**/*.ts', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
})
const DATA_FILES = new Set(POLICY_PROFILE_IDS.map((id) => `../profiles/${id}.ts`))
/** Vite names this folder's files `./x.ts`: one spelling for all paths. */
const ruleSources = Object.entries(allSources)
  .map(([path, source]) => [path.replace(/^\.\//, '../profiles/'), source] as const)
  .filter(([path]) => !DATA_FILES.has(path))

const ids = POLICY_PROFILE_IDS.map((id) => id.replace(/[-]/g, '\\-')).join('|')
/** A profile id as a string literal compared with something, or as a case label. */
const BRANCH = new RegExp(
  [
    `(===|!==|==|!=)\\s*(['"\`])(${ids})\\2`,
    `(['"\`])(${ids})\\4\\s*(===|!==|==|!=)`,
    `case\\s+(['"\`])(${ids})\\7\\s*:`,
  ].join('|'),
)

function profileBranches(source: string): string[] {
  return source
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => !line.startsWith('//') && !line.startsWith('*') && BRANCH.test(line))
    .map(({ line, n }) => `${n}: ${line}`)
}

describe('rule code reads profiles; it never branches on a profile id', () => {
  it('no comparison with, or case label of, a profile id in src/shared/rules', () => {
    const paths = ruleSources.map(([path]) => path)
    expect(paths).toContain('../timeline.ts')
    expect(paths).toContain('../profiles/index.ts')
    expect(paths).not.toContain('../profiles/goudse-op-maat.ts')
    const found: string[] = []
    for (const [path, source] of ruleSources)
      for (const hit of profileBranches(source)) found.push(`${path}:${hit}`)
    expect(found).toEqual([])
  })

  it('the scan finds such a branch when there is one', () => {
    expect(profileBranches("  if (profile === 'goudse-op-maat') return 4")).toHaveLength(1)
    expect(profileBranches("    case 'asr-mkb-verzuim-ontzorg':")).toHaveLength(1)
    expect(profileBranches('  const x = "wettelijk" !== p.id')).toHaveLength(1)
    expect(profileBranches('  return p.id == `amersfoortse-ontzorgmanager`')).toHaveLength(1)
    expect(profileBranches("  const id: PolicyProfileId = 'wettelijk'")).toEqual([])
  })
})

describe('clauses as the app shows them', () => {
  it('names the conditions of every seed a profile cites', () => {
    expect(citeClause('seed 000 art. 4.1, 4.2')).toBe(
      'Voorwaarden Ontzorgmanager De Amersfoortse (seed 000) art. 4.1, 4.2',
    )
    expect(citeClause('seed 002 (terugvalpreventie); seed 004')).toBe(
      'MKB Verzuim-ontzorgverzekering a.s.r. (seed 002) (terugvalpreventie); Verrichtingenlijst MKB Verzuim-ontzorgverzekering KNMT 2024 a.s.r. (seed 004)',
    )
    const cited = JSON.stringify(POLICY_PROFILES).match(/seed \d{3}/g) ?? []
    for (const seed of new Set(cited)) expect(citeClause(seed)).not.toBe(seed)
  })
})
