/**
 * Rule-core benchmark (issue 3, issue 15): in-process time to compute the full dossier timeline
 * (every deadline, status, guarantee, clocks) of 10,000 dossiers with up to 5 sick periods each,
 * the contract timeline of the same cases (with contract version 2's reports, module start and
 * recorded grounds, so the guarantee evaluation is included), and the timeline CLI on 20,000 cases as a whole process
 * (tsx start-up included). Deterministic: a seeded PRNG builds the data.
 * Standalone: `npx tsx bench/rules-bench.ts` prints JSON; `npm run bench` calls `runRulesBench`.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { POLICY_PROFILE_IDS } from '../src/shared/domain/policy-profile'
import { addDays, isoDate, type IsoDate } from '../src/shared/kernel/iso-date'
import {
  caseloadUrgency,
  dossierTimeline,
  type DossierRecords,
} from '../src/shared/rules/dossier-timeline'
import {
  GUARANTEE_GROUNDS,
  type GuaranteeGround,
  type ReportKind,
} from '../src/shared/rules/profiles'
import { computeTimeline, type TimelineCase } from '../src/shared/rules/timeline'

/** mulberry32: small, fast, deterministic. */
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

const TODAY = isoDate('2026-11-20')

/** Valid contract cases: chronological periods, only the last open, ends not after today. */
export function generateCases(n: number, seed = 7): TimelineCase[] {
  const rnd = prng(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  return Array.from({ length: n }, (_, i): TimelineCase => {
    const periods: { start: IsoDate; end?: IsoDate }[] = []
    let start = addDays(TODAY, -int(20, 900))
    const count = int(1, 5)
    for (let p = 0; p < count; p++) {
      const end = addDays(start, int(2, 90))
      const last = p === count - 1 || end >= TODAY
      if (last) {
        periods.push(rnd() < 0.5 && end < TODAY ? { start, end } : { start })
        break
      }
      periods.push({ start, end })
      start = addDays(end, int(1, 45))
      if (start >= TODAY) break
    }
    const first = periods[0] as { start: IsoDate }
    const c: {
      -readonly [K in keyof TimelineCase]: TimelineCase[K]
    } = {
      today: TODAY,
      profile: POLICY_PROFILE_IDS[i % POLICY_PROFILE_IDS.length],
      sickPeriods: periods,
      reportedByEmployee: addDays(first.start, int(0, 2)),
    }
    if (rnd() < 0.1) {
      const s = addDays(first.start, int(0, 120))
      c.leaves = [{ start: s, end: addDays(s, int(30, 112)) }]
    }
    if (rnd() < 0.7)
      c.done = {
        'melding-arbodienst': addDays(first.start, int(0, 8)),
        probleemanalyse: addDays(first.start, int(30, 50)),
      }
    // Contract version 2: later reports, the module start, recorded grounds, so that the
    // guarantee is evaluated with every kind of fact.
    if (rnd() < 0.6) {
      const reports: { kind: ReportKind; on: IsoDate; reportedOn?: IsoDate }[] = []
      for (const p of periods.slice(1)) reports.push({ kind: 'ziekmelding', on: p.start })
      for (const p of periods)
        if (p.end && p.end < TODAY) reports.push({ kind: 'herstelmelding', on: addDays(p.end, 1) })
      if (rnd() < 0.3) reports.push({ kind: 'wijziging', on: addDays(first.start, int(10, 60)) })
      if (rnd() < 0.05) reports.push({ kind: 'loonsanctie', on: addDays(first.start, int(0, 15)) })
      c.reports = reports
        .filter((r) => r.on <= TODAY)
        .map((r) => {
          const reportedOn = addDays(r.on, int(0, 4))
          return rnd() < 0.8 && reportedOn <= TODAY ? { ...r, reportedOn } : r
        })
    }
    if (rnd() < 0.5) c.moduleStart = addDays(first.start, -int(-30, 400))
    if (rnd() < 0.2) c.employmentStart = addDays(first.start, -int(0, 2000))
    if (rnd() < 0.1) c.guaranteeOnPolicy = rnd() < 0.5
    if (rnd() < 0.2)
      c.guaranteeEvents = [
        {
          ground: GUARANTEE_GROUNDS[int(0, GUARANTEE_GROUNDS.length - 1)] as GuaranteeGround,
          on: addDays(first.start, int(-20, 700)),
        },
      ]
    return c
  })
}

/**
 * The same cases as stored dossier records, with marks, appointments, interventions, and the
 * dossier facts of the reporting rules (safety net, expected delivery date, long-term absence,
 * voluntary extension).
 */
export function generateDossiers(n: number, seed = 7): DossierRecords[] {
  const rnd = prng(seed + 1)
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  return generateCases(n, seed).map((c) => {
    const first = c.sickPeriods[0] as { start: IsoDate }
    const marks: { key: string; state: 'done' | 'waived'; date: IsoDate; motivation?: string }[] =
      Object.entries(c.done ?? {}).map(([key, date]) => ({ key, state: 'done', date }))
    if (rnd() < 0.2)
      marks.push({
        key: 'eerstejaarsevaluatie',
        state: 'waived',
        date: addDays(first.start, 300),
        motivation: 'Hersteld verwacht',
      })
    return {
      today: c.today,
      profile: c.profile ?? 'wettelijk',
      sickPeriods: c.sickPeriods.map((p, i) => ({
        start: p.start,
        ...(p.end ? { end: p.end } : {}),
        ...(i === 0 && c.reportedByEmployee ? { reportedToEmployerOn: c.reportedByEmployee } : {}),
      })),
      leaves: (c.leaves ?? []).map((l) => ({
        ...l,
        sameCauseAroundLeave: rnd() < 0.8,
        // The expected delivery date of the WAZO application: the leave starts 4–6 weeks before.
        ...(rnd() < 0.8 ? { expectedDeliveryDate: addDays(l.start, int(27, 41)) } : {}),
      })),
      marks,
      appointments: [{ startsAt: `${first.start}T10:00`, cancelledAt: `${first.start}T08:00` }],
      interventions: [{ id: 'i1', quotedCostEuros: 1200 }],
      ...(rnd() < 0.05 ? { loonsanctieDecisionOn: addDays(first.start, 600) } : {}),
      // The dossier's non-medical facts that drive the reporting rules (issue 3 remainder).
      safetyNet: rnd() < 0.1 ? 'ja' : rnd() < 0.5 ? 'nee' : 'onbekend',
      ...(rnd() < 0.3 ? { longTermExpectedOn: addDays(first.start, int(1, 40)) } : {}),
      ...(rnd() < 0.05
        ? {
            voluntaryExtensionWeeks: int(13, 52),
            voluntaryExtensionRequestedOn: addDays(first.start, int(560, 640)),
          }
        : {}),
    }
  })
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}
const round = (x: number) => Math.round(x * 10) / 10

/** Median wall-clock and CPU milliseconds of `runs` runs (CPU time shows our code without
 * the noise of other processes on a busy machine). */
function timeRuns(runs: number, fn: () => void): { wall: number; cpu: number } {
  const wall: number[] = []
  const cpu: number[] = []
  for (let r = 0; r < runs; r++) {
    const c = process.cpuUsage()
    const t = performance.now()
    fn()
    wall.push(performance.now() - t)
    const used = process.cpuUsage(c)
    cpu.push((used.user + used.system) / 1000)
  }
  return { wall: round(median(wall)), cpu: round(median(cpu)) }
}

export async function runRulesBench(): Promise<Record<string, number>> {
  const cases = generateCases(10_000)
  const dossiers = generateDossiers(10_000)
  let sink = 0
  const all = timeRuns(15, () => {
    for (const d of dossiers) sink += dossierTimeline(d)?.milestones.length ?? 0
  })
  const contract = timeRuns(15, () => {
    for (const c of cases) sink += computeTimeline(c).countedSickDays
  })
  const today = TODAY
  const timelines = dossiers.map((d) => dossierTimeline(d))
  const urgency = timeRuns(15, () => {
    const keyed = timelines.map((t) => caseloadUrgency(t, today).sortKey)
    sink += keyed.sort((a, b) => a - b).length
  })

  const dir = mkdtempSync(join(tmpdir(), 'hervat-rules-bench-'))
  const file = join(dir, 'cases.json')
  writeFileSync(file, JSON.stringify(generateCases(20_000, 11)))
  const cli = timeRuns(3, () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/timeline.ts', file], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    })
    if (r.status !== 0) throw new Error(`timeline CLI failed: ${r.stderr}`)
  })
  rmSync(dir, { recursive: true, force: true })
  if (sink < 0) throw new Error('unreachable')
  return {
    dossiers: dossiers.length,
    rulesAllDeadlines10kMs: all.wall,
    rulesAllDeadlines10kCpuMs: all.cpu,
    rulesContract10kMs: contract.wall,
    rulesUrgencySort10kMs: urgency.wall,
    cliCases: 20_000,
    cliTimeline20kMs: cli.wall,
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
