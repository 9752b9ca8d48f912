import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { UpdateStatus } from '../shared/ipc/contract'
import {
  createUpdateController,
  decideRestart,
  expectedSha512,
  feedFileName,
  parseUpdateFeed,
  resolveFeedUrl,
  type AutoUpdaterLike,
} from './updates.main'

const FEED_URL = 'https://sync.bureau.example/updates/stable'
const GOOD_SHA = 'q1w2e3r4t5y6u7i8o9p0=='

/** A latest-linux.yml as electron-builder writes it. */
const feedYml = (version = '0.2.0', sha = GOOD_SHA) => `version: ${version}
files:
  - url: Hervat-${version}-x86_64.AppImage
    sha512: ${sha}
    size: 123456
  - url: Hervat-${version}-amd64.deb
    sha512: other-sha==
path: Hervat-${version}-x86_64.AppImage
sha512: ${sha}
releaseDate: '2027-01-01T08:00:00.000Z'
`

/** electron-updater's autoUpdater, faked: the test emits its events. */
class FakeUpdater extends EventEmitter {
  autoDownload = false
  autoInstallOnAppQuit = true
  feed: unknown = null
  quitAndInstall = vi.fn()
  checkForUpdates = vi.fn(async () => null)
  setFeedURL(options: unknown) {
    this.feed = options
  }
}

/** Lets the controller's asynchronous verification finish. */
const settle = () => new Promise((r) => setImmediate(r))

function setup(opts: { feed?: string; fileSha?: string; fetchFails?: boolean } = {}) {
  const updater = new FakeUpdater()
  const sent: UpdateStatus[] = []
  const fetched: string[] = []
  const controller = createUpdateController({
    updater: updater as unknown as AutoUpdaterLike,
    feedUrl: `${FEED_URL}/`,
    feedFile: 'latest-linux.yml',
    fetchText: async (url) => {
      fetched.push(url)
      if (opts.fetchFails) throw new Error('ECONNREFUSED')
      return opts.feed ?? feedYml()
    },
    sha512OfFile: async () => opts.fileSha ?? GOOD_SHA,
    send: (s) => sent.push(s),
  })
  const download = async (version = '0.2.0') => {
    updater.emit('checking-for-update')
    updater.emit('update-available', { version })
    updater.emit('download-progress', { percent: 41.6 })
    updater.emit('update-downloaded', {
      version,
      downloadedFile: `/home/u/.cache/hervat-updater/pending/Hervat-${version}-x86_64.AppImage`,
    })
    await settle()
  }
  return { updater, controller, sent, fetched, download }
}

const ready = { unsavedEdits: false, unsyncedChanges: 0 }

describe('the update feed', () => {
  it('reads the version and each file’s sha512 from latest.yml', () => {
    const feed = parseUpdateFeed(feedYml())
    expect(feed?.version).toBe('0.2.0')
    expect(expectedSha512(feed!, 'Hervat-0.2.0-x86_64.AppImage')).toBe(GOOD_SHA)
    expect(expectedSha512(feed!, 'Hervat-0.2.0-amd64.deb')).toBe('other-sha==')
    expect(expectedSha512(feed!, 'Hervat-0.1.0-x86_64.AppImage')).toBeNull()
  })

  it('refuses text that is no feed', () => {
    expect(parseUpdateFeed('<html>Not found</html>')).toBeNull()
    expect(parseUpdateFeed('version: [unclosed')).toBeNull()
    expect(parseUpdateFeed('files: []')).toBeNull()
  })

  it('names electron-updater’s file per platform', () => {
    expect(feedFileName('win32', 'x64')).toBe('latest.yml')
    expect(feedFileName('linux', 'x64')).toBe('latest-linux.yml')
    expect(feedFileName('linux', 'arm64')).toBe('latest-linux-arm64.yml')
    expect(feedFileName('darwin', 'arm64')).toBe('latest-mac.yml')
  })

  it('takes the feed from the environment or the installed app-update.yml, https only', () => {
    const yml = 'provider: generic\nurl: https://sync.bureau.example/updates/stable\n'
    expect(resolveFeedUrl({}, yml)).toBe('https://sync.bureau.example/updates/stable')
    expect(resolveFeedUrl({ HERVAT_UPDATE_URL: 'https://other.example/u' }, yml)).toBe(
      'https://other.example/u',
    )
    expect(resolveFeedUrl({}, null)).toBeNull()
    expect(resolveFeedUrl({}, 'provider: github\nowner: x\n')).toBeNull()
    expect(resolveFeedUrl({ HERVAT_UPDATE_URL: 'http://sync.bureau.example/u' }, null)).toBeNull()
    expect(resolveFeedUrl({ HERVAT_UPDATE_URL: 'http://127.0.0.1:8787/updates/t' }, null)).toBe(
      'http://127.0.0.1:8787/updates/t',
    )
    expect(resolveFeedUrl({ HERVAT_UPDATE_URL: 'file:///etc' }, null)).toBeNull()
  })
})

describe('the update controller', () => {
  it('uses the organisation’s generic feed, downloads by itself, never installs on quit', () => {
    const { updater } = setup()
    expect(updater.feed).toEqual({ provider: 'generic', url: FEED_URL })
    expect(updater.autoDownload).toBe(true)
    expect(updater.autoInstallOnAppQuit).toBe(false)
  })

  it('reports download progress in whole percents', async () => {
    const { updater, sent } = setup()
    updater.emit('update-available', { version: '0.2.0' })
    updater.emit('download-progress', { percent: 41.6 })
    expect(sent).toEqual([
      { state: 'downloading', version: '0.2.0', percent: 0 },
      { state: 'downloading', version: '0.2.0', percent: 42 },
    ])
  })

  it('verify ok: the file’s sha512 matches the feed, read again over HTTP → ready', async () => {
    const s = setup()
    await s.download()
    expect(s.fetched).toEqual([`${FEED_URL}/latest-linux.yml`])
    expect(s.controller.status()).toEqual({ state: 'ready', version: '0.2.0' })
    expect(s.sent.at(-1)).toEqual({ state: 'ready', version: '0.2.0' })
  })

  it('verify bad: another sha512 → rejected with a Dutch reason, and no restart whatever the answer', async () => {
    const s = setup({ fileSha: 'tampered==' })
    await s.download()
    const status = s.controller.status()
    expect(status.state).toBe('rejected')
    expect(status.state === 'rejected' && status.message).toMatch(/controlegetal \(sha512\)/)
    const decision = await s.controller.install(ready)
    expect(decision).toMatchObject({ restarting: false, reason: 'no-update' })
    expect(s.updater.quitAndInstall).not.toHaveBeenCalled()
  })

  it('verify bad: a feed that names another version, or not this file, or cannot be read', async () => {
    const newer = setup({ feed: feedYml('0.3.0') })
    await newer.download('0.2.0')
    expect(newer.controller.status()).toMatchObject({ state: 'rejected' })

    const unreadable = setup({ feed: '<html>502</html>' })
    await unreadable.download()
    expect(unreadable.controller.status()).toMatchObject({
      state: 'rejected',
      message: expect.stringMatching(/latest\.yml/),
    })

    const offline = setup({ fetchFails: true })
    await offline.download()
    expect(offline.controller.status()).toMatchObject({
      state: 'rejected',
      message: expect.stringMatching(/ECONNREFUSED/),
    })
  })

  it('a later check or error does not undo a verified update', async () => {
    const s = setup()
    await s.download()
    s.updater.emit('checking-for-update')
    s.updater.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'))
    await s.controller.check()
    expect(s.updater.checkForUpdates).not.toHaveBeenCalled()
    expect(s.controller.status()).toEqual({ state: 'ready', version: '0.2.0' })
  })

  it('a failed check is shown as an error in Dutch', async () => {
    const s = setup()
    s.updater.checkForUpdates.mockRejectedValueOnce(new Error('getaddrinfo ENOTFOUND'))
    await s.controller.check()
    expect(s.controller.status()).toEqual({
      state: 'error',
      message: 'Bijwerken mislukt: getaddrinfo ENOTFOUND',
    })
  })

  it('waits while an edit is unsaved', async () => {
    const s = setup()
    await s.download()
    const decision = await s.controller.install({ unsavedEdits: true, unsyncedChanges: 0 })
    expect(decision).toMatchObject({ restarting: false, reason: 'unsaved-edit' })
    expect(s.updater.quitAndInstall).not.toHaveBeenCalled()
  })

  it('waits for unsynced changes, then restarts once they are synced', async () => {
    const s = setup()
    await s.download()
    const waiting = await s.controller.install({ unsavedEdits: false, unsyncedChanges: 3 })
    expect(waiting).toEqual({
      restarting: false,
      reason: 'unsynced-changes',
      message: expect.stringMatching(/nog 3 wijzigingen klaar om te synchroniseren/),
    })
    expect(s.updater.quitAndInstall).not.toHaveBeenCalled()
    expect(await s.controller.install(ready)).toEqual({ restarting: true })
    expect(s.updater.quitAndInstall).toHaveBeenCalledTimes(1)
    expect(s.updater.quitAndInstall).toHaveBeenCalledWith(false, true)
  })

  it('refuses a restart before anything was downloaded', async () => {
    const s = setup()
    expect(await s.controller.install(ready)).toMatchObject({ reason: 'no-update' })
    s.updater.emit('update-available', { version: '0.2.0' })
    expect(await s.controller.install(ready)).toMatchObject({ reason: 'no-update' })
    expect(s.updater.quitAndInstall).not.toHaveBeenCalled()
  })
})

describe('decideRestart', () => {
  const readyStatus: UpdateStatus = { state: 'ready', version: '1.0.0' }
  it('an unsaved edit outweighs unsynced changes (it is the one that cannot be recovered)', () => {
    expect(decideRestart(readyStatus, { unsavedEdits: true, unsyncedChanges: 2 })).toMatchObject({
      reason: 'unsaved-edit',
    })
  })
  it('one change is named in the singular', () => {
    expect(decideRestart(readyStatus, { unsavedEdits: false, unsyncedChanges: 1 })).toMatchObject({
      message: expect.stringMatching(/^Er staat nog 1 wijziging klaar/),
    })
  })
})
