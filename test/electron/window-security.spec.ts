import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import type { HervatApi } from '../../src/shared/ipc/contract'

/**
 * Window-level security of the real Electron window (style.md rule 6). Runs where an Electron
 * binary exists (a developer's desktop, or ELECTRON_OVERRIDE_DIST_PATH); skipped, with the
 * reason, elsewhere. Needs the built app: `npx electron-vite build` first.
 */

/** What the checks below read in the page; the page runs without Node, so only types here. */
type PageGlobals = {
  hervat?: HervatApi
  require?: unknown
  process?: unknown
  module?: unknown
  __hervatMarker?: string
  location: { href: string; origin: string }
  open(url: string): unknown
  fetch(url: string): Promise<{ headers: { get(name: string): string | null } }>
}

/**
 * The Electron executable, or null. Deliberately not `require('electron')`: its index.js tries to
 * download the binary when it is missing, which hangs on a machine without GitHub access.
 */
function electronExecutable(): string | null {
  const pkgDir = dirname(
    createRequire(join(process.cwd(), 'package.json')).resolve('electron/package.json'),
  )
  const pathFile = join(pkgDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  const candidate = override
    ? join(override, relative ?? 'electron')
    : relative
      ? join(pkgDir, 'dist', relative)
      : null
  return candidate !== null && existsSync(candidate) ? candidate : null
}

const executablePath = electronExecutable()
const mainEntry = join(process.cwd(), 'out', 'main', 'index.js')

test.describe('Electron window security', () => {
  test.skip(executablePath === null, 'Electron-binary niet beschikbaar op deze machine')

  let app: ElectronApplication
  let page: Page
  let userData: string

  test.beforeAll(async () => {
    if (!existsSync(mainEntry)) throw new Error('Bouw eerst de app: npx electron-vite build')
    userData = mkdtempSync(join(tmpdir(), 'hervat-electron-'))
    app = await _electron.launch({
      executablePath: executablePath ?? undefined,
      args: [
        mainEntry,
        `--user-data-dir=${userData}`,
        // Chromium refuses to start its sandbox as root (CI containers); the page checks below
        // do not depend on the OS sandbox.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
      env: { ...process.env, ELECTRON_RENDERER_URL: '' },
    })
    page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
  })

  test.afterAll(async () => {
    await app?.close()
    if (userData) rmSync(userData, { recursive: true, force: true })
  })

  test('serves the app from app://hervat with the strict CSP header', async () => {
    expect(page.url()).toMatch(/^app:\/\/hervat\//)
    const csp = await page.evaluate(async () => {
      const g = globalThis as unknown as PageGlobals
      return (await g.fetch(g.location.href)).headers.get('content-security-policy')
    })
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
  })

  test('isolates the page: no Node, only the bridge', async () => {
    const globals = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals
      return {
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
        bridge: g.hervat ? Object.keys(g.hervat).sort() : null,
        // Functions that crossed the context bridge are native proxies, not the preload's code.
        proxied: g.hervat ? String(g.hervat.appInfo).includes('[native code]') : false,
      }
    })
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      bridge: ['appInfo', 'notify', 'onMenuCommand', 'openExternal', 'openFile', 'saveFile'],
      proxied: true,
    })
  })

  test('answers contract calls from its own page', async () => {
    const info = await page.evaluate(() => (globalThis as unknown as PageGlobals).hervat?.appInfo())
    expect(info?.platform).toBe('electron')
    const refused = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).hervat?.openExternal('https://www.uwv.nl.evil.com/'),
    )
    expect(refused).toBe(false)
  })

  test('blocks window.open', async () => {
    const before = app.windows().length
    const opened = await page.evaluate(
      () => (globalThis as unknown as PageGlobals).open('https://example.org/') === null,
    )
    expect(opened).toBe(true)
    expect(app.windows().length).toBe(before)
  })

  test('blocks navigation away from the app', async () => {
    await page.evaluate(() => {
      ;(globalThis as unknown as PageGlobals).__hervatMarker = 'zelfde document'
    })
    await page.evaluate(() => {
      ;(globalThis as unknown as PageGlobals).location.href = 'https://example.org/'
    })
    // Still the same document: the marker survived and the origin is unchanged.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const g = globalThis as unknown as PageGlobals
          return `${g.location.origin} ${g.__hervatMarker ?? ''}`
        }),
      )
      .toBe('app://hervat zelfde document')
  })
})
