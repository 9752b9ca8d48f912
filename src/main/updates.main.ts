import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import { load } from 'js-yaml'
import { z } from 'zod'
import type { RestartDecision, RestartReadiness, UpdateStatus } from '../shared/ipc/contract'

/*
 * Updates from the organisation's own feed (docs/adr/0014). electron-updater checks, downloads
 * and installs; this module decides. It takes electron-updater's `autoUpdater` (or a fake) and
 * the effects it needs as parameters, so every decision is unit-tested without Electron:
 * - a download counts only once its sha512 matches the feed's `latest*.yml`, read again here
 *   over HTTP (electron-updater checks it too; Windows also checks the signer);
 * - main never restarts on its own: only the renderer's `installUpdate` call, carrying its answer
 *   to "may I restart?", leads to `quitAndInstall`, and only when nothing would be lost;
 * - an update is not installed on quit either (`autoInstallOnAppQuit` off): a quit may come
 *   with unsynced changes, and the update's schema migration should find them synced.
 */

export const updateText = {
  unsavedEdit:
    'Er is een wijziging die nog niet is opgeslagen. Sla die op of annuleer hem, en kies dan opnieuw "Herstarten om bij te werken".',
  unsyncedChanges: (n: number) =>
    `Er ${n === 1 ? 'staat nog 1 wijziging' : `staan nog ${n} wijzigingen`} klaar om te synchroniseren. Hervat herstart pas als die op de server staan.`,
  noUpdate: 'Er is geen gecontroleerde update om te installeren.',
  checksumMismatch:
    'De gedownloade update klopt niet met het controlegetal (sha512) van de updateserver en wordt niet geïnstalleerd.',
  feedUnreadable: 'De updateserver gaf geen leesbare updatebeschrijving (latest.yml).',
  versionMismatch: 'De gedownloade update is een andere versie dan de updateserver noemt.',
  fileNotInFeed: 'De gedownloade update staat niet in de updatebeschrijving van de server.',
  failed: (detail: string) => `Bijwerken mislukt: ${detail}`,
} as const

/** The part of a `latest.yml` this module reads (electron-builder writes it). */
const feedSchema = z.object({
  version: z.string().min(1),
  files: z.array(z.object({ url: z.string().min(1), sha512: z.string().min(1) })).default([]),
  path: z.string().optional(),
  sha512: z.string().optional(),
})

export type UpdateFeed = z.infer<typeof feedSchema>

export function parseUpdateFeed(text: string): UpdateFeed | null {
  try {
    const parsed = feedSchema.safeParse(load(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** electron-updater's feed file for a platform: latest.yml, latest-linux.yml, latest-mac.yml. */
export function feedFileName(platform: string, arch: string, channel = 'latest'): string {
  if (platform === 'darwin') return `${channel}-mac.yml`
  if (platform === 'linux')
    return arch === 'arm64' ? `${channel}-linux-arm64.yml` : `${channel}-linux.yml`
  return `${channel}.yml`
}

/** The sha512 (base64) the feed gives for a file name, or null when it does not list it. */
export function expectedSha512(feed: UpdateFeed, fileName: string): string | null {
  const name = (url: string) => decodeURIComponent(basename(url))
  const entry = feed.files.find((f) => name(f.url) === fileName)
  if (entry) return entry.sha512
  if (feed.path && feed.sha512 && name(feed.path) === fileName) return feed.sha512
  return null
}

export type VerifyResult = { readonly ok: true } | { readonly ok: false; readonly message: string }

/** Checks a downloaded file against the feed: same version, listed, sha512 equal. */
export async function verifyDownload(opts: {
  readonly feedText: string
  readonly version: string
  readonly downloadedFile: string
  readonly sha512OfFile: (path: string) => Promise<string>
}): Promise<VerifyResult> {
  const feed = parseUpdateFeed(opts.feedText)
  if (!feed) return { ok: false, message: updateText.feedUnreadable }
  if (feed.version !== opts.version) return { ok: false, message: updateText.versionMismatch }
  const expected = expectedSha512(feed, basename(opts.downloadedFile))
  if (!expected) return { ok: false, message: updateText.fileNotInFeed }
  const actual = await opts.sha512OfFile(opts.downloadedFile)
  return actual === expected ? { ok: true } : { ok: false, message: updateText.checksumMismatch }
}

/** Base64 sha512 of a file, streamed (installers are 100+ MB), as electron-builder writes it. */
export async function sha512OfFile(path: string): Promise<string> {
  const hash = createHash('sha512')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('base64')
}

/**
 * The feed URL (https, or http on loopback): HERVAT_UPDATE_URL when set (an administrator's override), else the one
 * electron-builder wrote into the installed app's `app-update.yml`; null means no updates.
 */
export function resolveFeedUrl(
  env: Readonly<Record<string, string | undefined>>,
  appUpdateYml: string | null,
): string | null {
  const fromEnv = env['HERVAT_UPDATE_URL']?.trim()
  const candidate = fromEnv || readFeedUrl(appUpdateYml)
  if (!candidate || !URL.canParse(candidate)) return null
  // The sha512 guards against a broken or swapped file only if the feed itself cannot be
  // changed on the way: https, or plain http to this machine (tests, a trial setup).
  const url = new URL(candidate)
  if (url.protocol === 'https:') return candidate
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  return url.protocol === 'http:' && loopback ? candidate : null
}

function readFeedUrl(appUpdateYml: string | null): string | null {
  if (!appUpdateYml) return null
  try {
    const doc = load(appUpdateYml) as { provider?: unknown; url?: unknown } | null
    return doc?.provider === 'generic' && typeof doc.url === 'string' ? doc.url : null
  } catch {
    return null
  }
}

/** Whether main may restart into the update, given the renderer's answer. */
export function decideRestart(status: UpdateStatus, readiness: RestartReadiness): RestartDecision {
  if (status.state !== 'ready') {
    return { restarting: false, reason: 'no-update', message: updateText.noUpdate }
  }
  if (readiness.unsavedEdits) {
    return { restarting: false, reason: 'unsaved-edit', message: updateText.unsavedEdit }
  }
  if (readiness.unsyncedChanges > 0) {
    return {
      restarting: false,
      reason: 'unsynced-changes',
      message: updateText.unsyncedChanges(readiness.unsyncedChanges),
    }
  }
  return { restarting: true }
}

/** The slice of electron-updater's `autoUpdater` used here. */
export type AutoUpdaterLike = {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  setFeedURL(options: { provider: 'generic'; url: string; channel?: string }): void
  checkForUpdates(): Promise<unknown>
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void
  on(event: 'checking-for-update', listener: () => void): unknown
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown
  on(event: 'update-not-available', listener: () => void): unknown
  on(event: 'download-progress', listener: (p: { percent: number }) => void): unknown
  on(
    event: 'update-downloaded',
    listener: (e: { version: string; downloadedFile: string }) => void,
  ): unknown
  on(event: 'error', listener: (e: Error) => void): unknown
}

export type UpdateControllerDeps = {
  readonly updater: AutoUpdaterLike
  /** The feed folder URL, e.g. https://sync.bureau.nl/updates/stable. */
  readonly feedUrl: string
  /** `latest.yml`, `latest-linux.yml` or `latest-mac.yml` (see `feedFileName`). */
  readonly feedFile: string
  /** GETs a URL as text (Electron's `net.fetch` in the app). */
  readonly fetchText: (url: string) => Promise<string>
  /** Base64 sha512 of a file, as electron-builder writes it. */
  readonly sha512OfFile: (path: string) => Promise<string>
  /** Pushes a status to the window (the `onUpdateStatus` event). */
  readonly send: (status: UpdateStatus) => void
}

export type UpdateController = {
  status(): UpdateStatus
  check(): Promise<void>
  install(readiness: RestartReadiness): Promise<RestartDecision>
}

export function createUpdateController(deps: UpdateControllerDeps): UpdateController {
  const { updater } = deps
  let status: UpdateStatus = { state: 'idle' }
  const set = (next: UpdateStatus) => {
    status = next
    deps.send(next)
  }
  const feedBase = deps.feedUrl.replace(/\/+$/, '')

  updater.autoDownload = true
  updater.autoInstallOnAppQuit = false
  updater.setFeedURL({ provider: 'generic', url: feedBase })

  // Once an update is ready (or refused), later checks and errors do not undo that state.
  const settled = () => status.state === 'ready' || status.state === 'rejected'

  updater.on('checking-for-update', () => {
    if (!settled()) set({ state: 'checking' })
  })
  updater.on('update-not-available', () => {
    if (!settled()) set({ state: 'idle' })
  })
  updater.on('update-available', (info) =>
    set({ state: 'downloading', version: info.version, percent: 0 }),
  )
  updater.on('download-progress', (p) => {
    if (status.state !== 'downloading') return
    const percent = Math.max(0, Math.min(100, Math.round(p.percent)))
    set({ state: 'downloading', version: status.version, percent })
  })
  updater.on('update-downloaded', (e) => {
    void (async () => {
      let result: VerifyResult
      try {
        result = await verifyDownload({
          feedText: await deps.fetchText(`${feedBase}/${deps.feedFile}`),
          version: e.version,
          downloadedFile: e.downloadedFile,
          sha512OfFile: deps.sha512OfFile,
        })
      } catch (err) {
        result = { ok: false, message: updateText.failed(errorText(err)) }
      }
      set(
        result.ok
          ? { state: 'ready', version: e.version }
          : { state: 'rejected', version: e.version, message: result.message },
      )
    })()
  })
  updater.on('error', (err) => {
    if (!settled()) set({ state: 'error', message: updateText.failed(errorText(err)) })
  })

  return {
    status: () => status,
    check: async () => {
      if (status.state === 'ready') return
      try {
        await updater.checkForUpdates()
      } catch (err) {
        set({ state: 'error', message: updateText.failed(errorText(err)) })
      }
    },
    install: async (readiness) => {
      const decision = decideRestart(status, readiness)
      if (decision.restarting) updater.quitAndInstall(false, true)
      return decision
    },
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** How often a running app looks for a new version (besides once at start). */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000

/**
 * Starts the update controller when the app is installed and a feed is configured; null
 * otherwise (development, or an installer built without HERVAT_UPDATE_URL). electron-updater is
 * loaded only then, through `loadUpdater`.
 */
export async function startUpdates(opts: {
  readonly isPackaged: boolean
  readonly env: Readonly<Record<string, string | undefined>>
  /** The installed app's `app-update.yml` (written by electron-builder), or null. */
  readonly readAppUpdateYml: () => string | null
  readonly platform: string
  readonly arch: string
  readonly loadUpdater: () => Promise<AutoUpdaterLike>
  readonly fetchText: (url: string) => Promise<string>
  readonly send: (status: UpdateStatus) => void
}): Promise<UpdateController | null> {
  if (!opts.isPackaged) return null
  const feedUrl = resolveFeedUrl(opts.env, opts.readAppUpdateYml())
  if (!feedUrl) return null
  return createUpdateController({
    updater: await opts.loadUpdater(),
    feedUrl,
    feedFile: feedFileName(opts.platform, opts.arch),
    fetchText: opts.fetchText,
    sha512OfFile,
    send: opts.send,
  })
}
