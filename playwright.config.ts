import { defineConfig, devices } from '@playwright/test'

/**
 * End-to-end tests run in Debian's Chromium against the browser build of the renderer
 * (toolchain.md: the Electron binary cannot be downloaded here; the UI is the same).
 */
const webPort = Number(process.env.HERVAT_WEB_PORT ?? 4173)
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export default defineConfig({
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${webPort}`,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  projects: [
    { name: 'chromium', testDir: 'test/e2e' },
    // The real Electron window (security settings); skipped with its reason where no Electron
    // binary can be had, as on these machines (toolchain.md). `npm test` builds the app first.
    { name: 'electron', testDir: 'test/electron' },
  ],
  webServer: {
    command:
      'npx vite build --config vite.web.config.mts --logLevel warn && npx vite preview --config vite.web.config.mts',
    url: `http://127.0.0.1:${webPort}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
})
