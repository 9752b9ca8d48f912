import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'
import { HervatApp } from './app-model'

/**
 * A real sync server for the sync specs: `npm run server`'s entry point on PGlite in a temporary
 * HERVAT_DATA_DIR, set up with the server's own init command and API. Port 0: the server picks a
 * free port and prints it, so specs running side by side never clash.
 */

export const SYNC_PASSWORD = 'correct horse battery staple'
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx')

export type Account = readonly [email: string, name: string, role: 'casemanager' | 'teamleider']

export type SyncServer = {
  readonly url: string
  api: <T>(
    path: string,
    init?: { token?: string; body?: unknown; method?: 'GET' | 'POST' | 'PUT' },
  ) => Promise<T>
  login: (email: string) => Promise<{ accessToken: string }>
  stop: () => Promise<void>
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(TSX, args, { env: { ...process.env, ...env }, stdio: 'inherit' })
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args[0]}: ${code}`))))
  })
}

/** Starts a server with one organisation, its beheerder (`adminEmail`) and `accounts`. */
export async function startSyncServer(opts: {
  org: string
  adminEmail: string
  accounts: readonly Account[]
}): Promise<SyncServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hervat-sync-e2e-'))
  const env = { HERVAT_DATA_DIR: dataDir, PORT: '0', HERVAT_ADMIN_PASSWORD: SYNC_PASSWORD }
  const init = ['--org', opts.org, '--email', opts.adminEmail, '--name', 'Beheer']
  await run(['src/server/cli/init.ts', ...init], env)
  const child = spawn(TSX, ['src/server/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error('De syncserver startte niet.')), 60_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /"listening":(\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(`http://127.0.0.1:${m[1]}`)
      }
    })
    child.on('exit', (code) => reject(new Error(`De syncserver stopte (${code}).`)))
  })
  const api: SyncServer['api'] = async <T>(
    path: string,
    init: { token?: string; body?: unknown; method?: 'GET' | 'POST' | 'PUT' } = {},
  ): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
  const login = (email: string) =>
    api<{ accessToken: string }>('/api/v1/auth/login', {
      body: { email, password: SYNC_PASSWORD, deviceName: 'e2e' },
    })
  const admin = await login(opts.adminEmail)
  for (const [email, name, role] of opts.accounts)
    await api('/api/v1/users', {
      token: admin.accessToken,
      body: { email, name, role, password: SYNC_PASSWORD },
    })
  return {
    url,
    api,
    login,
    stop: async () => {
      // Our own server process group only (started detached above).
      if (child.pid) process.kill(-child.pid, 'SIGTERM')
      await new Promise((r) => setTimeout(r, 500))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const syncLink = (page: Page) =>
  page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Synchronisatie' })

/** Opens the app and signs in to `server` on the Synchronisatie page; waits for the first sync. */
export async function signIn(page: Page, server: string, email: string): Promise<HervatApp> {
  const app = new HervatApp(page)
  await app.open()
  await syncLink(page).click()
  const form = page.getByRole('form', { name: 'Inloggen' })
  await form.getByLabel('Serveradres').fill(server)
  await form.getByLabel('E-mailadres').fill(email)
  await form.getByLabel('Wachtwoord').fill(SYNC_PASSWORD)
  await form.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page.getByTestId('sync-message')).toHaveText('Gesynchroniseerd.')
  return app
}

/** Waits until the device has pushed everything and pulled once more ("Nu synchroniseren"). */
export async function syncNow(page: Page): Promise<void> {
  await syncLink(page).click()
  await page.getByRole('button', { name: 'Nu synchroniseren' }).click()
  await expect(page.getByTestId('sync-message')).toHaveText('Gesynchroniseerd.')
  await expect(page.getByText('Geen wijzigingen te versturen').first()).toBeVisible()
}
