/**
 * `npm run -s timeline -- case.json`: the rule core from the command line
 * (shared/docs/timeline-contract.md). JSON on stdout and exit 0; on invalid input nothing on
 * stdout, one line on stderr naming the case and field, exit 2.
 */
import { readFileSync } from 'node:fs'
import { parseTimelineCase } from '../shared/rules/case-input'
import { computeTimeline, type TimelineCase } from '../shared/rules/timeline'

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(2)
}

const file = process.argv[2]
if (!file) fail('usage: npm run -s timeline -- <case.json>')

let json: unknown
try {
  json = JSON.parse(readFileSync(file, 'utf8'))
} catch (e) {
  fail(`cannot read ${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
}

const many = Array.isArray(json)
const raw = many ? (json as unknown[]) : [json]
const cases: TimelineCase[] = []
for (const [i, c] of raw.entries()) {
  const r = parseTimelineCase(c)
  if (!r.ok) fail(`case ${i}: ${r.error}`)
  cases.push(r.value)
}
const results = cases.map((c) => computeTimeline(c))
process.stdout.write(`${JSON.stringify(many ? results : results[0])}\n`)
