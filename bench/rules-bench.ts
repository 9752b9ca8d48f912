/**
 * Rule-core benchmark (issue 3): in-process time to compute every deadline of 10,000 dossiers
 * with up to 5 sick periods each, and the timeline CLI on 20,000 cases as a whole process.
 * Run alone with `npx tsx bench/rules-bench.ts` (prints JSON), or through `npm run bench`.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { addDays, isoDate, type IsoDate } from '../src/shared/kernel/iso-date'
import { dossierTimeline, type DossierFacts } from '../src/shared/rules/dossier-timeline'
import { computeTimeline, type TimelineCase } from '../src/shared/rules/timeline'

function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PROFILES = [
  'wettelijk',
  'amersfoortse-ontzorgmanager',
  'asr-reintegratiemanager',
  'goudse-op-maat',
] as const

export function generateCases(n: number, seed = 7): TimelineCase[] {
  const rnd = prng(seed)
  const today = isoDate('2026-11-20')
  return Array.from({ length: n }, (_, i) => {
    const periods: { start: IsoDate; end?: IsoDate }[] = []
    let start = addDays(today, -Math.floor(20 + rnd() * 900))
    const count = 1 + Math.floor(rnd() * 5)
    for (let p = 0; p < count; p++) {
      const end = addDays(start, 2 + Math.floor(rnd() * 90))
      if (end >= today || p === count - 1) {
        periods.push(rnd() < 0.5 && end < today ? { start, end } : { start })
        break
      }
      periods.push({ start, end })
      start = addDays(end, 1 + Math.floor(rnd() * 45))
      if (start >= today) break
    }
    return {
      today,
      profile: PROFILES[i % 4],
      sickPeriods: periods,
      reportedByEmployee: periods[0]?.start,
    }
  })
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const round = (x: number) => Math.round(x * 10) / 10

export async function runRulesBench(): Promise<Record<string, number>> {
  const cases = generateCases(10_000)
  const facts: DossierFacts[] = cases.map((c) => ({
    today: c.today,
    profile: c.profile ?? 'wettelijk',
    sickPeriods: c.sickPeriods.map((p) => ({ start: p.start, ...(p.end ? { end: p.end } : {}) })),
    leaves: [],
    marks: [],
  }))
  const contract: number[] = []
  const app: number[] = []
  for (let run = 0; run < 9; run++) {
    let t = performance.now()
    for (const c of cases) computeTimeline(c)
    contract.push(performance.now() - t)
    t = performance.now()
    for (const f of facts) dossierTimeline(f)
    app.push(performance.now() - t)
  }

  const dir = mkdtempSync(join(tmpdir(), 'hervat-rules-bench-'))
  const file = join(dir, 'cases.json')
  writeFileSync(file, JSON.stringify(generateCases(20_000, 11)))
  const cli: number[] = []
  for (let run = 0; run < 3; run++) {
    const t = performance.now()
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/timeline.ts', file], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    })
    if (r.status !== 0) throw new Error(`timeline CLI failed: ${r.stderr}`)
    cli.push(performance.now() - t)
  }
  return {
    dossiers: cases.length,
    rulesAllDeadlines10kMs: round(median(contract)),
    rulesAppMilestones10kMs: round(median(app)),
    cliCases: 20_000,
    cliTimeline20kMs: round(median(cli)),
  }
}

if (process.argv[1]?.endsWith('rules-bench.ts')) {
  runRulesBench()
    .then((r) => console.log(JSON.stringify(r)))
    .catch((e: unknown) => {
      console.error(e)
      process.exit(1)
    })
}
