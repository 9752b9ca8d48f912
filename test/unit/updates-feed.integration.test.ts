import { createHash, randomBytes } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { UpdateStatus } from '../../src/shared/ipc/contract'
import { buildApp } from '../../src/server/app'
import { openPglite, type Db } from '../../src/server/db/db'
import { SECRET } from '../../src/server/test-support'
import { startUpdates, type AutoUpdaterLike } from '../../src/main/updates.main'

/*
 * The real sync server serves a feed folder over HTTP; the updater logic reads latest-linux.yml
 * from it and verifies the sha512 of a file downloaded from the same server, as electron-updater
 * would have left it. Only electron-updater itself is a stand-in (it needs Electron).
 */

class FakeUpdater extends EventEmitter {
  autoDownload = false
  autoInstallOnAppQuit = true
  quitAndInstall = vi.fn()
  checkForUpdates = vi.fn(async () => null)
  setFeedURL = vi.fn()
}

const settled = (sent: UpdateStatus[]) =>
  vi.waitFor(() => {
    const last = sent.at(-1)
    if (last?.state !== 'ready' && last?.state !== 'rejected') throw new Error('still verifying')
    return last
  })

describe('updates over HTTP from the sync server', () => {
  let root: string
  let db: Db
  let app: FastifyInstance
  let feedUrl: string
  const installer = randomBytes(256 * 1024)
  const fileName = 'Hervat-0.2.0-x86_64.AppImage'

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'hervat-update-it-'))
    const channel = join(root, 'feed', 'stable')
    mkdirSync(channel, { recursive: true })
    writeFileSync(join(channel, fileName), installer)
    const sha512 = createHash('sha512').update(installer).digest('base64')
    writeFileSync(
      join(channel, 'latest-linux.yml'),
      `version: 0.2.0\nfiles:\n  - url: ${fileName}\n    sha512: ${sha512}\n    size: ${installer.byteLength}\n` +
        `path: ${fileName}\nsha512: ${sha512}\nreleaseDate: '2027-01-01T08:00:00.000Z'\n`,
    )
    db = await openPglite(undefined)
    app = await buildApp({ db, jwtSecret: SECRET, updatesDir: join(root, 'feed') })
    const address = await app.listen({ host: '127.0.0.1', port: 0 })
    feedUrl = `${address}/updates/stable`
  }, 60_000)

  afterAll(async () => {
    await app.close()
    await db.close()
    rmSync(root, { recursive: true, force: true })
  })

  /** Downloads the installer over HTTP to a pending folder, optionally damaging one byte. */
  async function download(damage: boolean): Promise<string> {
    const res = await fetch(`${feedUrl}/${fileName}`)
    expect(res.status).toBe(200)
    const bytes = new Uint8Array(await res.arrayBuffer())
    if (damage) bytes[1000] = (bytes[1000] ?? 0) ^ 0xff
    const dir = mkdtempSync(join(root, 'pending-'))
    writeFileSync(join(dir, fileName), bytes)
    return join(dir, fileName)
  }

  async function run(damage: boolean) {
    const updater = new FakeUpdater()
    const sent: UpdateStatus[] = []
    const controller = await startUpdates({
      isPackaged: true,
      env: {},
      readAppUpdateYml: () => `provider: generic\nurl: ${feedUrl}\n`,
      platform: 'linux',
      arch: 'x64',
      loadUpdater: async () => updater as unknown as AutoUpdaterLike,
      fetchText: async (url) => (await fetch(url)).text(),
      send: (s) => sent.push(s),
    })
    expect(controller).not.toBeNull()
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: feedUrl })
    updater.emit('update-available', { version: '0.2.0' })
    updater.emit('update-downloaded', { version: '0.2.0', downloadedFile: await download(damage) })
    return { updater, controller: controller!, last: await settled(sent) }
  }

  it('reads latest-linux.yml from the server and accepts the file whose sha512 matches', async () => {
    const { updater, controller, last } = await run(false)
    expect(last).toEqual({ state: 'ready', version: '0.2.0' })
    expect(await controller.install({ unsavedEdits: false, unsyncedChanges: 0 })).toEqual({
      restarting: true,
    })
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1)
  })

  it('rejects a file damaged on the way, and will not restart into it', async () => {
    const { updater, controller, last } = await run(true)
    expect(last).toMatchObject({ state: 'rejected', message: expect.stringMatching(/sha512/) })
    expect(await controller.install({ unsavedEdits: false, unsyncedChanges: 0 })).toMatchObject({
      restarting: false,
      reason: 'no-update',
    })
    expect(updater.quitAndInstall).not.toHaveBeenCalled()
  })

  it('starts nothing in development or without a configured feed', async () => {
    const base = {
      env: {},
      platform: 'linux',
      arch: 'x64',
      loadUpdater: async () => {
        throw new Error('electron-updater must not be loaded')
      },
      fetchText: async () => '',
      send: () => undefined,
    }
    expect(
      await startUpdates({ ...base, isPackaged: false, readAppUpdateYml: () => null }),
    ).toBeNull()
    expect(
      await startUpdates({ ...base, isPackaged: true, readAppUpdateYml: () => null }),
    ).toBeNull()
  })
})
