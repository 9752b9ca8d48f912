import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import examples from '../../test/fixtures/timeline/contract-examples.json'

/** The real process, as `npm run -s timeline -- file.json` starts it (tsx, then the script). */
const dir = mkdtempSync(join(tmpdir(), 'hervat-timeline-'))
let n = 0
function cliOnFile(file: string | undefined) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/timeline.ts', ...(file ? [file] : [])],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
}
function cli(content: string) {
  const file = join(dir, `case-${n++}.json`)
  writeFileSync(file, content)
  return cliOnFile(file)
}
const oneLine = (s: string) => expect(s.endsWith('\n') && !s.slice(0, -1).includes('\n')).toBe(true)

describe('timeline command line (docs/timeline-contract.md)', { timeout: 30_000 }, () => {
  it('prints one result object for one case, and exits 0', () => {
    const r = cli(JSON.stringify({ today: '2025-03-01', sickPeriods: [{ start: '2025-01-06' }] }))
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toEqual({
      firstSickDay: '2025-01-06',
      periodsInCase: 1,
      countedSickDays: 55,
      sickWeek: 8,
      lastWageDay: '2027-01-03',
      deadlines: [
        { key: 'melding-arbodienst', due: '2025-01-12', status: 'overdue' },
        { key: 'probleemanalyse', due: '2025-02-16', status: 'overdue' },
        { key: 'plan-van-aanpak', due: '2025-03-02', status: 'open' },
        { key: 'melding-uwv-42', due: '2025-10-27', status: 'open' },
        { key: 'eerstejaarsevaluatie', due: '2026-01-04', status: 'open' },
        { key: 're-integratieverslag', due: '2026-10-04', status: 'open' },
        { key: 'wia-aanvraag', due: '2026-10-18', status: 'open' },
      ],
      poortwachtergarantie: 'not-applicable',
      guarantee: { status: 'not-applicable', reasons: [] },
    })
  })

  it('prints an array, in the same order, for an array of cases: every worked example', () => {
    const r = cli(JSON.stringify(examples.map((e) => e.input)))
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toEqual(examples.map((e) => e.output))
  })

  it('reads a file that starts with a UTF-8 byte-order mark', () => {
    const r = cli(`\uFEFF${JSON.stringify(examples[0]?.input)}`)
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(examples[0]?.output)
  })

  it('an array of one is still an array', () => {
    const r = cli(JSON.stringify([examples[0]?.input]))
    expect(JSON.parse(r.stdout)).toEqual([examples[0]?.output])
  })

  it.each([
    [
      'an invalid second case',
      JSON.stringify([
        examples[0]?.input,
        { today: '2025-03-01', sickPeriods: [{ start: '2025-01-06', end: '2025-01-01' }] },
      ]),
      'case 1: sickPeriods[0].end is before start\n',
    ],
    [
      'a single invalid object (still case 0)',
      JSON.stringify({
        today: '2025-03-01',
        profile: 'zilveren-kruis',
        sickPeriods: [{ start: '2025-01-06' }],
      }),
      'case 0: profile must be one of wettelijk, amersfoortse-ontzorgmanager, asr-reintegratiemanager, goudse-op-maat, asr-mkb-verzuim-ontzorg\n',
    ],
    [
      'a version-2 report passed on after today',
      JSON.stringify({
        today: '2025-03-01',
        profile: 'amersfoortse-ontzorgmanager',
        sickPeriods: [{ start: '2025-01-06' }],
        reports: [
          { kind: 'ziekmelding', on: '2025-01-06', reportedOn: '2025-01-07' },
          { kind: 'herstelmelding', on: '2025-02-01', reportedOn: '2025-03-02' },
        ],
      }),
      'case 0: reports[1].reportedOn is after today\n',
    ],
    [
      'a version-2 ground outside the table in case 1',
      JSON.stringify([
        examples[0]?.input,
        {
          today: '2025-03-01',
          sickPeriods: [{ start: '2025-01-06' }],
          guaranteeEvents: [{ ground: 'premium-unpaid', on: '2025-02-01' }],
        },
      ]),
      'case 1: guaranteeEvents[0].ground must be one of module-ended, services-suspended, information-late, no-cooperation, advice-not-followed, guarantee-withdrawn, voluntary-extension, sanction-handling, other-breach\n',
    ],
    [
      'an empty sickPeriods in case 2',
      JSON.stringify([
        examples[0]?.input,
        examples[1]?.input,
        { today: '2025-03-01', sickPeriods: [] },
      ]),
      'case 2: sickPeriods must contain at least one sick period\n',
    ],
  ])('exits 2 with nothing on stdout for %s', (_name, content, stderr) => {
    const r = cli(content)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(stderr)
  })

  it.each([
    ['a file that is not JSON', () => cli('{ niet: json')],
    ['an empty file', () => cli('')],
    ['a file that does not exist', () => cliOnFile(join(dir, 'bestaat-niet.json'))],
    ['no file argument', () => cliOnFile(undefined)],
  ])('exits 2 with one line on stderr for %s', (_name, run) => {
    const r = run()
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    oneLine(r.stderr)
  })
})
