/**
 * `npm run -s timeline -- case.json`: the rule core from the command line
 * (docs/timeline-contract.md, versions 1 and 2). The file holds one case or an array of cases. JSON on
 * stdout and exit 0; on invalid input nothing on stdout, one line on stderr naming the case and
 * field (`case 3: sickPeriods[1].end is before start`), exit 2. Parsing and formatting only:
 * validation and rules live in src/shared/rules.
 */
import { readFileSync } from 'node:fs'
import { parseTimelineCases } from '../shared/rules/case-input'
import { computeTimeline } from '../shared/rules/timeline'

const EXIT_INVALID = 2
/** Editors on Windows may start a UTF-8 file with a byte-order mark; JSON.parse refuses it. */
const BYTE_ORDER_MARK = 0xfeff

function fail(message: string): never {
  process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ')}\n`)
  process.exit(EXIT_INVALID)
}

const file = process.argv[2]
if (!file) fail('usage: npm run -s timeline -- <case.json>')

let text: string
try {
  text = readFileSync(file, 'utf8')
} catch (e) {
  fail(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`)
}

let json: unknown
try {
  json = JSON.parse(text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text)
} catch (e) {
  fail(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`)
}

const parsed = parseTimelineCases(json)
if (!parsed.ok) fail(parsed.error)
const results = parsed.cases.map((c) => computeTimeline(c))
process.stdout.write(`${JSON.stringify(parsed.many ? results : results[0])}\n`)
