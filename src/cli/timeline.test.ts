import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import examples from '../../test/fixtures/timeline/contract-examples.json'

const dir = mkdtempSync(join(tmpdir(), 'hervat-timeline-'))
function cli(content: string) {
  const file = join(dir, `case-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(file, content)
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/timeline.ts', file], {
    encoding: 'utf8',
  })
}

describe('timeline command line (timeline-contract.md)', () => {
  it('prints one result object for one case, and exits 0', () => {
    const r = cli(JSON.stringify({ today: '2025-03-01', sickPeriods: [{ start: '2025-01-06' }] }))
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toMatchObject({
      firstSickDay: '2025-01-06',
      countedSickDays: 55,
      sickWeek: 8,
    })
  })

  it('prints an array, in the same order, for an array of cases', () => {
    const r = cli(JSON.stringify(examples.map((e) => e.input)))
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(examples.map((e) => e.output))
  })

  it('exits 2 with nothing on stdout and one line naming the case and field', () => {
    const cases = [
      examples[0]?.input,
      { today: '2025-03-01', sickPeriods: [{ start: '2025-01-06', end: '2025-01-01' }] },
    ]
    const r = cli(JSON.stringify(cases))
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('case 1: sickPeriods[0].end is before start\n')
  })

  it('exits 2 on a file that is not JSON', () => {
    const r = cli('{ niet: json')
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
})
