#!/usr/bin/env node
// @ts-check
// Runs before `npm start` and `npm run dev`: checks the Node version and makes sure Electron's
// binary is present, fetching it with Electron's own installer (`install-electron`) when it is
// missing. electron-vite reads `node_modules/electron/path.txt` itself and stops with "Electron
// uninstall" when that file is absent; Electron 42+ no longer fetches the binary on `npm install`.
//
// Two Node requirements, each stated once by its owner:
// - the project's `engines.node` in package.json: every command (tests, web build, sync server);
// - Electron's own `engines.node` in node_modules/electron/package.json: its installer and the
//   desktop commands (Electron 45: >= 22.12).
//
// Plain JavaScript on purpose: it must run (and explain itself) on any Node, before tsx or the
// rest of the toolchain can complain in their own words. All effects are injected, so the unit
// tests (test/unit/ensure-electron.test.ts) run it with a stand-in installer.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import semver from 'semver'

/**
 * A Dutch message when `nodeVersion` does not satisfy a requirement, else null.
 * @param {{ nodeVersion: string, projectRange: string, desktopRange: string }} v
 * @returns {string | null}
 */
export function nodeVersionProblem({ nodeVersion, projectRange, desktopRange }) {
  const advice = 'Installeer een nieuwere Node (https://nodejs.org, of `nvm install 22`)'
  if (!semver.satisfies(nodeVersion, projectRange)) {
    return (
      `Hervat heeft Node ${projectRange} nodig; deze Node is ${nodeVersion}. ` +
      `${advice} en probeer het opnieuw.`
    )
  }
  if (!semver.satisfies(nodeVersion, desktopRange)) {
    return (
      `De desktop-app (npm start, npm run dev, npm run dist) heeft Node ${desktopRange} nodig, ` +
      `want Electron en zijn installatieprogramma vragen dat; deze Node is ${nodeVersion}. ` +
      `${advice}. De tests (npm test), de browserversie (npm run web) en de syncserver ` +
      `(npm run server) werken wel op deze Node.`
    )
  }
  return null
}

/**
 * Whether electron-vite will find an Electron binary: `ELECTRON_EXEC_PATH` (which electron-vite
 * honours) or the executable named in `node_modules/electron/path.txt`, under `dist/`.
 * @param {{ electronDir: string, env: Record<string, string | undefined>,
 *   exists: (path: string) => boolean, readText: (path: string) => string | null }} d
 * @returns {boolean}
 */
export function electronBinaryPresent({ electronDir, env, exists, readText }) {
  const execPath = env['ELECTRON_EXEC_PATH']
  if (execPath) return exists(execPath)
  const relative = readText(join(electronDir, 'path.txt'))?.trim()
  if (!relative) return false
  return exists(join(electronDir, 'dist', relative))
}

/** @typedef {{ status: number | null, error?: Error }} InstallerResult */

/**
 * The pre-start step. Returns the exit code; `log` and `fail` print the Dutch messages.
 * @param {{ nodeVersion: string, projectRange: string, desktopRange: string,
 *   electronDir: string, env: Record<string, string | undefined>,
 *   exists: (path: string) => boolean, readText: (path: string) => string | null,
 *   runInstaller: () => InstallerResult, log: (msg: string) => void,
 *   fail: (msg: string) => void }} d
 * @returns {number}
 */
export function ensureElectron(d) {
  const versionProblem = nodeVersionProblem(d)
  if (versionProblem) {
    d.fail(versionProblem)
    return 1
  }
  if (electronBinaryPresent(d)) return 0
  if (d.env['ELECTRON_EXEC_PATH']) {
    d.fail(
      `ELECTRON_EXEC_PATH wijst naar ${d.env['ELECTRON_EXEC_PATH']}, maar daar staat geen ` +
        'Electron. Pas de variabele aan of verwijder hem.',
    )
    return 1
  }
  d.log('Electron is nog niet gedownload; dat gebeurt nu eenmalig (ongeveer 100 MB)...')
  const result = d.runInstaller()
  if (result.status === 0 && electronBinaryPresent(d)) {
    d.log('Electron is gedownload.')
    return 0
  }
  const reason = result.error ? ` (${result.error.message})` : ''
  d.fail(
    `Electron kon niet worden gedownload${reason}. Controleer de internetverbinding ` +
      '(de download komt van github.com, of van de spiegel in ELECTRON_MIRROR) en start ' +
      'opnieuw met npm start. Lukt het niet, verwijder dan node_modules/electron en voer ' +
      '`npm install` opnieuw uit. Zonder Electron werkt de browserversie wel: npm run web.',
  )
  return 1
}

/** @param {string} path */
function readTextOrNull(path) {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

function cli() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const require = createRequire(join(root, 'package.json'))
  const electronPkgFile = require.resolve('electron/package.json')
  const electronDir = dirname(electronPkgFile)
  const projectRange = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node
  const desktopRange = JSON.parse(readFileSync(electronPkgFile, 'utf8')).engines.node
  // `npm run dist`: electron-builder fetches its own copy of Electron; only the Node check applies.
  if (process.argv.includes('--node-only')) {
    const problem = nodeVersionProblem({ nodeVersion: process.version, projectRange, desktopRange })
    if (problem) console.error(problem)
    return problem ? 1 : 0
  }
  return ensureElectron({
    nodeVersion: process.version,
    projectRange,
    desktopRange,
    electronDir,
    env: process.env,
    exists: existsSync,
    readText: readTextOrNull,
    // Electron's own installer, the same one its `index.js` and `npx install-electron` run.
    runInstaller: () =>
      spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' }),
    log: (msg) => console.log(msg),
    fail: (msg) => console.error(msg),
  })
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = cli()
}
