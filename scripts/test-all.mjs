#!/usr/bin/env node
// `npm test`: typecheck, lint, format check, unit tests, end-to-end tests.
// Prints each suite's summary and ends with one line `N passed, N failed` over all of them.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'

const results = []

function run(name, cmd, args) {
  console.log(`\n━━ ${name}: ${cmd} ${args.join(' ')}`)
  const started = Date.now()
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`━━ ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${seconds}s`)
  return r.status === 0
}

function check(name, cmd, args) {
  const ok = run(name, cmd, args)
  results.push({ suite: name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 })
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit'])
results.at(-1).suite = 'typecheck (node)'
check('typecheck (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit'])
check('typecheck (bench)', 'npx', ['tsc', '-p', 'tsconfig.bench.json', '--noEmit'])
check('lint', 'npx', ['eslint', '.', '--max-warnings=0'])
check('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn'])
check('build (electron-vite)', 'npx', ['electron-vite', 'build'])

rmSync('test-results/vitest.json', { force: true })
const unitOk = run('unit (vitest)', 'npx', ['vitest', 'run'])
const vitest = readJson('test-results/vitest.json')
if (vitest) {
  results.push({
    suite: 'unit',
    passed: vitest.numPassedTests,
    failed: vitest.numFailedTests + (unitOk || vitest.numFailedTests > 0 ? 0 : 1),
    skipped: vitest.numPendingTests + vitest.numTodoTests,
  })
} else {
  results.push({ suite: 'unit', passed: 0, failed: 1, skipped: 0 })
}

rmSync('test-results/playwright.json', { force: true })
const e2eOk = run('e2e (playwright, chromium)', 'npx', ['playwright', 'test'])
const pw = readJson('test-results/playwright.json')
if (pw?.stats) {
  const failed = pw.stats.unexpected + pw.stats.flaky
  results.push({
    suite: 'e2e',
    passed: pw.stats.expected,
    failed: failed + (e2eOk || failed > 0 ? 0 : 1),
    skipped: pw.stats.skipped,
  })
} else {
  results.push({ suite: 'e2e', passed: 0, failed: 1, skipped: 0 })
}

console.log('\n━━ Samenvatting')
for (const r of results) {
  console.log(
    `  ${r.suite.padEnd(28)} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`,
  )
}
const total = results.reduce(
  (a, r) => ({
    passed: a.passed + r.passed,
    failed: a.failed + r.failed,
    skipped: a.skipped + r.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
)
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
)
process.exit(total.failed === 0 && existsSync('package.json') ? 0 : 1)
