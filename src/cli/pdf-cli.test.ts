import { execFile, execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The pdf command line as a user runs it: a real process (node with tsx, as `npm run -s pdf`
 * does). Every kind the app renders is written; every bad input gives one Dutch line on stderr,
 * exit 2, no stack trace, and writes nothing. The processes run two at a time (start-up of
 * tsx dominates on a loaded machine).
 */

const FIXTURE = 'test/fixtures/voorbeeld-dossier.json'
const OUT = 'test-results/pdf-cli'
mkdirSync(OUT, { recursive: true })
type Run = { status: number | null; stdout: string; stderr: string }

let slots = 2
const waiting: (() => void)[] = []
async function run(...args: string[]): Promise<Run> {
  if (slots === 0) await new Promise<void>((r) => waiting.push(r))
  slots--
  try {
    return await new Promise<Run>((done) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli/pdf.ts', ...args],
        { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) =>
          done({
            status: error ? ((error.code as number | undefined) ?? null) : 0,
            stdout,
            stderr,
          }),
      )
    })
  } finally {
    slots++
    waiting.shift()?.()
  }
}

const isOneDutchLine = (r: Run) => {
  expect(r.stdout).toBe('')
  expect(r.stderr.endsWith('\n')).toBe(true)
  expect(r.stderr.trim().split('\n')).toHaveLength(1)
  expect(r.stderr).not.toMatch(/\bat \S+ \(|Error:|node:internal|SyntaxError/)
}

describe('every kind the app renders', () => {
  const kinds: [string, string[], string][] = [
    ['plan-van-aanpak', ['--versie', '3'], 'pva-v3.pdf'],
    ['plan-van-aanpak', [], 'pva.pdf'],
    ['evaluatie', [], 'evaluatie.pdf'],
    ['eerstejaarsevaluatie', [], 'eerstejaarsevaluatie.pdf'],
    ['eindevaluatie', [], 'eindevaluatie.pdf'],
    ['re-integratieverslag', [], 'riv.pdf'],
    ['riv-bundel', [], 'riv-bundel.zip'],
    ['melding-42', [], 'melding-42.pdf'],
    ['melding-42', [], 'melding-42.json'],
  ]
  const results = new Map<string, Run>()
  let dir = ''
  beforeAll(async () => {
    dir = mkdtempSync(join(OUT, 'soorten-'))
    await Promise.all(
      kinds.map(async ([kind, opts, file]) =>
        results.set(file, await run(kind, FIXTURE, join(dir, file), ...opts)),
      ),
    )
  }, 600_000)

  it.each(kinds)('%s %j writes %s and exits 0', (_kind, _opts, file) => {
    const r = results.get(file)
    expect(r?.stderr).toBe('')
    expect(r?.status).toBe(0)
    const bytes = readFileSync(join(dir, file))
    if (file.endsWith('.pdf')) expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    if (file.endsWith('.zip')) expect(bytes.subarray(0, 2).toString()).toBe('PK')
    if (file.endsWith('.json')) {
      const sheet = JSON.parse(bytes.toString('utf8')) as {
        werknemer: { burgerservicenummer: string }
      }
      expect(sheet.werknemer.burgerservicenummer).toBe('111222333')
    }
  })

  it('renders the version asked for, not the latest', () => {
    const text = (file: string) =>
      execFileSync('pdftotext', [join(dir, file), '-'], { encoding: 'utf8' })
    expect(text('pva-v3.pdf')).toContain('Bijstelling Plan van Aanpak (versie 3)')
    expect(text('pva.pdf')).toContain('Bijstelling Plan van Aanpak (versie 9)')
  })
})

describe('bad input: one Dutch line, exit 2, nothing written', () => {
  const dir = mkdtempSync(join(OUT, 'fout-'))
  const malformed = join(dir, 'kapot.json')
  writeFileSync(
    malformed,
    '{\n  "format": "hervat-dossier",\n  "version": 1,\n  "employer": {,\n}\n',
  )
  const invalid = join(dir, 'ongeldig.json')
  const bad = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { employee: { bsn: string } }
  bad.employee.bsn = '123456789'
  writeFileSync(invalid, JSON.stringify(bad))
  const out = join(dir, 'uit.pdf')

  const cases: [string, string[], RegExp][] = [
    [
      'a missing input file',
      ['plan-van-aanpak', join(dir, 'bestaat-niet.json'), out],
      /^Het dossierbestand .*bestaat-niet\.json bestaat niet\.$/,
    ],
    [
      'a missing output folder',
      ['plan-van-aanpak', FIXTURE, join(dir, 'geen-map', 'uit.pdf')],
      /^De map .*geen-map voor het uitvoerbestand bestaat niet\.$/,
    ],
    [
      'malformed JSON',
      ['re-integratieverslag', malformed, out],
      /^Het dossierbestand .*kapot\.json is geen geldige JSON: fout op regel 4, kolom 16\.$/,
    ],
    [
      'an invalid dossier',
      ['re-integratieverslag', invalid, out],
      /^Ongeldig dossierbestand .*employee\.bsn: Dit is geen geldig BSN/,
    ],
    [
      'an unknown kind',
      ['iets', FIXTURE, out],
      /^Onbekende soort document "iets"\. gebruik: npm run -s pdf/,
    ],
    [
      'a version that does not exist',
      ['plan-van-aanpak', FIXTURE, out, '--versie', '99'],
      /^Versie 99 van het Plan van Aanpak bestaat niet \(wel: 1, 2, /,
    ],
    [
      'too few arguments',
      ['plan-van-aanpak', FIXTURE],
      /^gebruik: npm run -s pdf -- <plan-van-aanpak\|evaluatie\|/,
    ],
  ]
  const results = new Map<string, Run>()
  beforeAll(async () => {
    await Promise.all(cases.map(async ([name, args]) => results.set(name, await run(...args))))
  }, 600_000)

  it.each(cases)('%s', (name, _args, message) => {
    const r = results.get(name) as Run
    expect(r.status).toBe(2)
    isOneDutchLine(r)
    expect(r.stderr.trim()).toMatch(message)
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(dir).sort()).toEqual(['kapot.json', 'ongeldig.json'])
  })
})
