import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganisation, createUser } from './accounts'
import { openPostgres } from './db/db'
import { migrate } from './db/migrations'
import { change, FAST_SCRYPT, PASSWORD } from './test-support'

/**
 * Two server processes on one PostgreSQL, as a bureau scales out (ADR 0012): the login limit,
 * a device revocation and the pull cursor hold across them. Needs HERVAT_TEST_DATABASE_URL.
 */

const URL_ = process.env.HERVAT_TEST_DATABASE_URL
const ROOT = join(__dirname, '..', '..')

function start(env: NodeJS.ProcessEnv): Promise<{ proc: ChildProcess; base: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /"listening":(\d+)/.exec(out)
      if (m) resolve({ proc, base: `http://127.0.0.1:${m[1]}` })
    })
    proc.on('exit', (code) => reject(new Error(`server exited ${code}`)))
  })
}

describe.runIf(URL_)('two server processes on one PostgreSQL', () => {
  const name = `hervat_two_${randomUUID().replace(/-/g, '')}`
  const dirs: string[] = []
  let servers: { proc: ChildProcess; base: string }[] = []
  const emails = { cm: `cm-${name}@a.test`, admin: `admin-${name}@a.test` }

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: URL_ })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const u = new URL(URL_!)
    u.pathname = `/${name}`
    const db = await openPostgres(u.toString())
    await migrate(db)
    const org = await createOrganisation(db, 'Bureau')
    for (const [email, role] of [
      [emails.cm, 'casemanager'],
      [emails.admin, 'beheerder'],
    ] as const)
      await createUser(
        db,
        { organisationId: org, email, name: role, role, password: PASSWORD },
        FAST_SCRYPT,
      )
    await db.close()
    const env = (): NodeJS.ProcessEnv => {
      const dir = mkdtempSync(join(tmpdir(), 'hervat-two-'))
      dirs.push(dir)
      return {
        ...process.env,
        DATABASE_URL: u.toString(),
        HERVAT_DATA_DIR: dir,
        HERVAT_JWT_SECRET: 'two-processes-secret-two-processes-secret',
        PORT: '0',
      }
    }
    servers = await Promise.all([start(env()), start(env())])
  }, 180_000)

  afterAll(async () => {
    for (const s of servers) s.proc.kill('SIGTERM')
    await Promise.all(
      servers.map(
        (s) => new Promise((r) => (s.proc.exitCode !== null ? r(0) : s.proc.once('exit', r))),
      ),
    )
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
    const admin = new pg.Client({ connectionString: URL_ })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }, 60_000)

  const call = async (i: number, path: string, init: RequestInit = {}, token = '') =>
    fetch(`${servers[i % 2]!.base}${path}`, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    })
  const login = async (i: number, email: string, password: string) =>
    call(i, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email, password, deviceName: 'laptop' }),
    })

  it('the login limit counts attempts on both processes together', async () => {
    const codes: number[] = []
    for (let i = 0; i < 12; i++) codes.push((await login(i, emails.admin, 'wrong')).status)
    // Default limit: 10 failures per account, whichever process answered them.
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(codes.slice(10)).toEqual([429, 429])
  })

  it('a device revoked through one process is refused at once by the other; the pull cursor holds across them', async () => {
    const session = (await (await login(0, emails.cm, PASSWORD)).json()) as {
      accessToken: string
      deviceId: string
    }
    const t = session.accessToken
    // Pushes through both processes; pulls through either see one log in one order.
    for (let i = 0; i < 4; i++) {
      const r = await call(
        i,
        '/api/v1/sync/push',
        { method: 'POST', body: JSON.stringify({ changes: [change(`d-two-${i}`)] }) },
        t,
      )
      expect(r.status).toBe(200)
    }
    const first = (await (await call(1, '/api/v1/sync/pull?cursor=0', {}, t)).json()) as {
      changes: { recordId: string; seq: number }[]
      cursor: number
    }
    expect(first.changes.map((c) => c.recordId)).toEqual([
      'd-two-0',
      'd-two-1',
      'd-two-2',
      'd-two-3',
    ])
    const more = await call(
      1,
      '/api/v1/sync/push',
      { method: 'POST', body: JSON.stringify({ changes: [change('d-two-4')] }) },
      t,
    )
    expect(more.status).toBe(200)
    const next = (await (
      await call(0, `/api/v1/sync/pull?cursor=${first.cursor}`, {}, t)
    ).json()) as {
      changes: { recordId: string }[]
    }
    expect(next.changes.map((c) => c.recordId)).toEqual(['d-two-4'])

    const admin = (await (await login(1, emails.admin, PASSWORD)).json()) as {
      accessToken?: string
    }
    // The admin account may still be locked from the first test; revoke as the owner then.
    const revoker = admin.accessToken ?? t
    const revoked = await call(
      1,
      `/api/v1/devices/${session.deviceId}/revoke`,
      { method: 'POST' },
      revoker,
    )
    expect(revoked.status).toBe(200)
    expect((await call(0, '/api/v1/sync/pull', {}, t)).status).toBe(401)
    expect((await call(1, '/api/v1/sync/pull', {}, t)).status).toBe(401)
  })
})
