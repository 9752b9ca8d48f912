import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { change } from './test-support'

/**
 * Fault tests against a real server process on 127.0.0.1 (embedded store): kill -9 mid-push,
 * then the client retries; a pull dropped mid-response resumes from its cursor.
 */

const ROOT = join(__dirname, '..', '..')
const dataDir = mkdtempSync(join(tmpdir(), 'hervat-fault-'))
const env: NodeJS.ProcessEnv = {
  ...process.env,
  HERVAT_DATA_DIR: dataDir,
  HERVAT_JWT_SECRET: 'fault-test-secret-fault-test-secret!!',
  PORT: '0',
}
delete env.DATABASE_URL
const tsx = (file: string): string[] => ['--import', 'tsx', file]

function start(): Promise<{ proc: ChildProcess; base: string }> {
  const proc = spawn(process.execPath, tsx('src/server/main.ts'), {
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

const killed = (p: ChildProcess): Promise<void> =>
  new Promise((r) => {
    p.once('exit', () => r())
    p.kill('SIGKILL')
  })

describe('fault tolerance of a real server process', () => {
  let server: { proc: ChildProcess; base: string }
  let token = ''
  const api = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${server.base}${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...init.headers,
      },
    })

  beforeAll(async () => {
    const init = spawnSync(
      process.execPath,
      [
        ...tsx('src/server/cli/init.ts'),
        '--org',
        'Fault',
        '--email',
        'admin@fault.nl',
        '--name',
        'Beheer',
      ],
      {
        cwd: ROOT,
        env: { ...env, HERVAT_ADMIN_PASSWORD: 'fault admin password' },
        encoding: 'utf8',
      },
    )
    expect(init.status, init.stderr).toBe(0)
    server = await start()
    const login = await api('/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({
        email: 'admin@fault.nl',
        password: 'fault admin password',
        deviceName: 'f',
      }),
    })
    token = ((await login.json()) as { accessToken: string }).accessToken
  }, 60_000)

  afterAll(async () => {
    if (server.proc.exitCode === null) await killed(server.proc)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('kill -9 during pushes: after retries every change is stored exactly once, none acknowledged is lost', async () => {
    const batches = Array.from({ length: 40 }, (_, b) =>
      Array.from({ length: 200 }, (_, i) =>
        i % 2
          ? change(`d-f-${b}`, 'status', i % 4 === 1 ? 'actief' : 'hersteld', {
              node: 'faultclient',
            })
          : change(`d-f-${b}`, 'casemanager', `v${i}`, { node: 'faultclient' }),
      ),
    )
    const acknowledged = new Set<number>()
    const pushAll = async (): Promise<void> => {
      for (let b = 0; b < batches.length; b++) {
        if (acknowledged.has(b)) continue
        const r = await api('/api/v1/sync/push', {
          method: 'POST',
          body: JSON.stringify({ changes: batches[b] }),
        })
        if (r.status === 200) acknowledged.add(b)
      }
    }
    const first = pushAll().catch(() => undefined)
    await new Promise((r) => setTimeout(r, 400))
    await killed(server.proc)
    await first
    const ackedBeforeKill = acknowledged.size
    expect(ackedBeforeKill).toBeLessThan(batches.length)
    server = await start()
    await pushAll()
    expect(acknowledged.size).toBe(batches.length)
    const ids: string[] = []
    let cursor = 0
    for (;;) {
      const body = (await (await api(`/api/v1/sync/pull?cursor=${cursor}&limit=5000`)).json()) as {
        changes: { id: string }[]
        cursor: number
        hasMore: boolean
      }
      ids.push(...body.changes.map((c) => c.id))
      cursor = body.cursor
      if (!body.hasMore) break
    }
    expect(ids.length).toBe(batches.length * 200)
    expect(new Set(ids).size).toBe(ids.length)
  }, 90_000)

  it('a pull dropped mid-response resumes from its cursor without gaps', async () => {
    const controller = new AbortController()
    const r = await api('/api/v1/sync/pull?cursor=0&limit=8000', { signal: controller.signal })
    const reader = r.body?.getReader()
    await reader?.read()
    controller.abort()
    await expect(reader?.read()).rejects.toThrow()
    // The client had stored no cursor for that page, so it resumes from 0 in smaller pages.
    const seqs: number[] = []
    let cursor = 0
    for (;;) {
      const body = (await (await api(`/api/v1/sync/pull?cursor=${cursor}&limit=1000`)).json()) as {
        changes: { seq: number }[]
        cursor: number
        hasMore: boolean
      }
      seqs.push(...body.changes.map((c) => c.seq))
      cursor = body.cursor
      if (!body.hasMore) break
    }
    expect(seqs.length).toBe(8000)
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
  }, 30_000)
})
