import { isHlc, revokedSchema, SYNC_LIMITS, type SyncChange } from '../../shared/sync'
import { sha256Hex } from '../storage/attachments'
import type { RefusalReason } from '../storage/revocation'
import type { SyncRepository } from '../storage/sync-repository'
import { ACCOUNT_KEY, CURSOR_KEY, SESSION_KEY } from '../storage/sync-log'
import { backoffDelay } from './backoff'
import {
  NetworkError,
  normaliseServerUrl,
  SyncHttpError,
  syncHttp,
  type FetchLike,
  type SyncUser,
  type Tokens,
} from './http'
import { syncText } from './text'

/**
 * The sync engine (docs/adr/0005): push the outbox, pull since the cursor, fetch missing
 * attachment contents. It runs by itself while signed in and online: on start, on the `online`
 * event, a short while after local writes, periodically, and on "Nu synchroniseren"; after a
 * failure it retries with exponential backoff and jitter. One cycle at a time.
 */

export type SyncSession = Tokens & {
  readonly serverUrl: string
  /**
   * Set by versions before docs/adr/0008 on a session with the in-app sync server, which no
   * longer exists: such a session is retired on start (`retireEmbeddedSession`).
   */
  readonly embedded?: boolean
}

export type SyncStatus = 'signed-out' | 'idle' | 'syncing' | 'offline' | 'error'

export type SyncState = {
  readonly status: SyncStatus
  /** Dutch, for the status line and the sync screen. */
  readonly message: string
  readonly lastSyncedAt: string | null
  readonly pending: number
  /** During a first sync: changes received of the total the server announced. */
  readonly progress: { readonly done: number; readonly total: number } | null
  readonly account: {
    readonly serverUrl: string
    readonly user: SyncUser
  } | null
}

export const INITIAL_SYNC_STATE: SyncState = {
  status: 'signed-out',
  message: syncText.signedOut,
  lastSyncedAt: null,
  pending: 0,
  progress: null,
  account: null,
}

export type Timers = {
  readonly set: (fn: () => void, ms: number) => unknown
  readonly clear: (handle: unknown) => void
}

export type SyncEngineDeps = {
  readonly repo: SyncRepository
  readonly fetch: FetchLike
  readonly now: () => Date
  readonly isOnline: () => boolean
  readonly timers: Timers
  readonly deviceName: string
  readonly setState: (patch: Partial<SyncState>) => void
  readonly random?: () => number
  /** Changes per pull page (the server's default unless a test asks for small pages). */
  readonly pullLimit?: number
}

export { ACCOUNT_KEY, SESSION_KEY }
export const LAST_SYNCED_KEY = 'sync.lastSyncedAt'

export const SYNC_TIMING = {
  /** After a local write: wait this long for more edits before pushing. */
  debounceMs: 1_500,
  /** While all is well: sync this often (pulls what others did). */
  periodMs: 60_000,
  pushBatch: 500,
  pullLimit: SYNC_LIMITS.defaultPullLimit,
  /**
   * A change the server fails on (5xx) this many times, each time while its health check
   * answers, is set aside as `serverfout` (docs/adr/0005), so one change never stalls sync.
   */
  serverErrorTries: 3,
} as const

class SessionExpired extends Error {}

/** The change a refused push's error names (`changes.N` or `changes.N.<field>`), if any. */
function namedChange(
  e: SyncHttpError,
  batch: readonly SyncChange[],
): { change: SyncChange; part: string } | null {
  const m = /^changes\.(\d+)(?:\.(.+))?$/.exec(e.field ?? '')
  const change = m ? batch[Number(m[1])] : undefined
  return m && change ? { change, part: m[2] ?? '' } : null
}

/**
 * Whether the server refused this one change for good, and why (docs/adr/0005, "Refused
 * changes"); null for anything a later attempt may get through (network, 5xx, 401, 429, ...).
 */
function permanentReason(e: SyncHttpError, change: SyncChange, part: string): RefusalReason | null {
  switch (e.code) {
    case 'signed-version':
      return 'signed-version'
    case 'append-only':
      return 'append-only'
    case 'forbidden':
      return 'forbidden'
    case 'validation':
      // A well-formed timestamp from a clock running ahead is accepted once real time catches up.
      return part === 'hlc' && isHlc(change.hlc) ? null : 'invalid'
    default:
      return null
  }
}

export function createSyncEngine(deps: SyncEngineDeps) {
  const { repo, timers } = deps
  let session: SyncSession | null = null
  let running: Promise<void> | null = null
  let again = false
  let failures = 0
  let timer: unknown = null
  let started = false
  /** Per change id: 5xx answers to a push of that change alone while the server was healthy. */
  const serverErrors = new Map<string, number>()
  /** Shown while signed out: why there is no session any more (the in-app server retired). */
  let signedOutMessage: string = syncText.signedOut

  const schedule = (ms: number) => {
    if (timer !== null) timers.clear(timer)
    timer = timers.set(() => {
      timer = null
      void syncNow()
    }, ms)
  }

  const accountOf = (s: SyncSession) => ({
    serverUrl: s.serverUrl,
    user: s.user,
  })

  async function saveSession(s: SyncSession): Promise<void> {
    session = s
    // The login is sealed at rest (docs/adr/0006): tokens never lie readable on disk.
    await repo.setSealed(SESSION_KEY, s)
    // Another account or server starts from the beginning of its log.
    const account = `${s.serverUrl}|${s.user.id}`
    if ((await repo.getSealed<string>(ACCOUNT_KEY)) !== account) {
      await repo.setMeta(CURSOR_KEY, 0)
      await repo.setSealed(ACCOUNT_KEY, account)
    }
    deps.setState({ account: accountOf(s) })
  }

  /** Runs a call with the access token; on 401 refreshes once (rotating the refresh token). */
  async function authed<T>(call: (token: string) => Promise<T>): Promise<T> {
    const s = session
    if (!s) throw new SessionExpired()
    const http = syncHttp(deps.fetch, s.serverUrl)
    try {
      return await call(s.accessToken)
    } catch (e) {
      if (!(e instanceof SyncHttpError) || e.status !== 401) throw e
    }
    let fresh: SyncSession | null = null
    try {
      fresh = { ...(await http.refresh(s.refreshToken)), serverUrl: s.serverUrl }
    } catch (e) {
      if (!(e instanceof SyncHttpError)) throw e
    }
    if (!fresh) throw new SessionExpired()
    await saveSession(fresh)
    return call(fresh.accessToken)
  }

  async function push(): Promise<number> {
    const s = session
    if (!s) return 0
    const http = syncHttp(deps.fetch, s.serverUrl)
    let pushed = 0
    // After a 5xx, changes go one at a time: a 5xx names no change, a push of one change does.
    let single = false
    for (;;) {
      const batch: SyncChange[] = await repo.nextBatch(single ? 1 : SYNC_TIMING.pushBatch)
      if (batch.length === 0) return pushed
      // Attachment contents first, only those the server lacks (content-addressed, sent once).
      const hashes = [
        ...new Set(
          batch
            .filter((c) => c.table === 'attachments' && c.field === 'sha256')
            .map((c) => c.value)
            .filter((v): v is string => typeof v === 'string'),
        ),
      ]
      if (hashes.length > 0) {
        const missing = await authed((t) => http.missingBlobs(t, hashes))
        for (const sha of missing) {
          const data = await repo.getBlob(sha)
          if (data) await authed((t) => http.putBlob(t, sha, data))
        }
      }
      try {
        await authed((t) => http.push(t, batch))
      } catch (e) {
        if (!(e instanceof SyncHttpError)) throw e
        if (e.status >= 500) {
          if (batch.length > 1) {
            single = true
            continue
          }
          const [change] = batch
          // A server that is itself unwell (its health check fails too) is a passing failure.
          if (!change || !(await http.health())) throw e
          const tries = (serverErrors.get(change.id) ?? 0) + 1
          serverErrors.set(change.id, tries)
          if (
            tries >= SYNC_TIMING.serverErrorTries &&
            (await repo.setAsideRefused(change, 'serverfout', e))
          ) {
            serverErrors.delete(change.id)
            single = false
            deps.setState({ pending: await repo.pendingCount() })
            continue
          }
          throw e
        }
        const named = namedChange(e, batch)
        if (!named) throw e
        const { change, part } = named
        let reason = permanentReason(e, change, part)
        // Refused because a dossier is no longer this user's (reassigned away): once the server
        // confirms that it is not ours to read either, the dossier leaves this device and its
        // unsent changes are set aside (storage/revocation.ts); then the rest is pushed.
        if (reason === 'forbidden' && part === 'dossierId' && change.dossierId) {
          const dossierId = change.dossierId
          if (!(await authed((t) => http.mayRead(t, dossierId)))) {
            const aside = await repo.setAsideTransferred(dossierId)
            if (aside && aside.refused > 0) continue
            reason = 'transferred'
          }
        }
        // Any other refusal for good of one change: that change is set aside with the server's
        // reason and the push is sent again without it (the server applied none of it), so one
        // change never blocks the rest. Everything else keeps the backoff.
        if (reason && (await repo.setAsideRefused(change, reason, e))) {
          deps.setState({ pending: await repo.pendingCount() })
          continue
        }
        throw e
      }
      // Only now, after the server answered 200: a push lost on the way is simply sent again,
      // and the server applies a change it already has never twice (idempotent by change id).
      await repo.acknowledge(batch.map((c) => c.id))
      for (const c of batch) serverErrors.delete(c.id)
      pushed += batch.length
      deps.setState({ pending: await repo.pendingCount() })
    }
  }

  async function pull(): Promise<void> {
    const s = session
    if (!s) return
    const http = syncHttp(deps.fetch, s.serverUrl)
    let cursor = (await repo.getMeta<number>(CURSOR_KEY)) ?? 0
    const first = cursor === 0
    let done = 0
    let total = 0
    for (;;) {
      const page = await authed((t) =>
        http.pull(t, cursor, deps.pullLimit ?? SYNC_TIMING.pullLimit),
      )
      if (page.total !== undefined) total = page.total
      // Dossiers reassigned away leave this device, with the page, in one transaction.
      const revoked = revokedSchema.safeParse(page.revoked)
      if (!revoked.success) throw new Error(syncText.badRevoked)
      await repo.applyPulled(page.changes, CURSOR_KEY, page.cursor, revoked.data)
      done += page.changes.length
      cursor = page.cursor
      if (first && total > 0) deps.setState({ progress: { done: Math.min(done, total), total } })
      if (!page.hasMore) break
    }
    deps.setState({ progress: null })
  }

  /** Contents of pulled attachments, checked against their hash before they are stored. */
  async function fetchBlobs(): Promise<void> {
    const s = session
    if (!s) return
    const http = syncHttp(deps.fetch, s.serverUrl)
    for (const sha of await repo.missingBlobs()) {
      try {
        const data = await authed((t) => http.getBlob(t, sha))
        if ((await sha256Hex(data)) === sha) await repo.putBlob(sha, data)
      } catch (e) {
        // Not (yet) on the server, or no longer ours to read: try again next cycle.
        if (!(e instanceof SyncHttpError)) throw e
      }
    }
  }

  async function cycle(): Promise<void> {
    if (!session) {
      deps.setState({ status: 'signed-out', message: signedOutMessage, progress: null })
      return
    }
    if (!deps.isOnline()) {
      deps.setState({ status: 'offline', message: syncText.offline, progress: null })
      return
    }
    deps.setState({ status: 'syncing', message: syncText.syncing })
    try {
      try {
        await push()
      } catch (e) {
        // A 403 can be a dossier reassigned away (docs/adr/0005): the pull removes it and sets its
        // unsent changes aside, and the push after it sends the rest (or fails with the reason).
        if (!(e instanceof SyncHttpError && e.status === 403)) throw e
      }
      await pull()
      await fetchBlobs()
      // What was written while this cycle ran goes out now rather than a period later.
      await push()
      failures = 0
      const at = deps.now().toISOString()
      await repo.setMeta(LAST_SYNCED_KEY, at)
      deps.setState({
        status: 'idle',
        message: syncText.upToDate,
        lastSyncedAt: at,
        pending: await repo.pendingCount(),
        progress: null,
      })
      if (started) schedule(SYNC_TIMING.periodMs)
    } catch (e) {
      failures++
      const message =
        e instanceof SessionExpired
          ? syncText.sessionExpired
          : e instanceof NetworkError
            ? deps.isOnline()
              ? syncText.unreachable
              : syncText.offline
            : e instanceof SyncHttpError
              ? syncText.serverSaid(e.message, e.field)
              : syncText.failed(e instanceof Error ? e.message : String(e))
      const offline = e instanceof NetworkError && !deps.isOnline()
      deps.setState({
        status: offline ? 'offline' : 'error',
        message,
        pending: await repo.pendingCount(),
        progress: null,
      })
      if (e instanceof SessionExpired) return
      if (started && !offline) schedule(backoffDelay(failures, deps.random))
    }
  }

  /** One cycle now (or right after the one that is running). Resolves when it is done. */
  async function syncNow(): Promise<void> {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        await cycle()
      } while (again)
    })().finally(() => {
      running = null
    })
    return running
  }

  return {
    /** Restores the session and syncs once. */
    start: async (): Promise<void> => {
      started = true
      session = (await repo.getSealed<SyncSession>(SESSION_KEY)) ?? null
      if (session?.embedded) {
        // The in-app server of earlier versions is gone (docs/adr/0008): its session goes, and
        // what this device had sent there waits in the outbox for the organisation's server.
        session = null
        await repo.retireEmbeddedSession()
        signedOutMessage = syncText.embeddedRetired
      }
      deps.setState({
        account: session ? accountOf(session) : null,
        lastSyncedAt: (await repo.getMeta<string>(LAST_SYNCED_KEY)) ?? null,
        pending: await repo.pendingCount(),
      })
      await syncNow()
    },
    /** Stops (the app locks or closes); the tokens leave memory too, `start` reads them again. */
    stop: (): void => {
      started = false
      session = null
      if (timer !== null) timers.clear(timer)
      timer = null
    },
    syncNow,
    /** A local write happened: push soon, after a short pause for more edits. */
    localWrite: (pending: number): void => {
      deps.setState({ pending })
      if (session && started && pending > 0 && !running) schedule(SYNC_TIMING.debounceMs)
    },
    online: (): void => {
      failures = 0
      void syncNow()
    },
    offline: (): void => {
      if (session) deps.setState({ status: 'offline', message: syncText.offline })
    },
    /** Signs in on a server; registers this device there. Errors come back in Dutch. */
    login: async (
      serverInput: string,
      email: string,
      password: string,
    ): Promise<{ ok: true } | { ok: false; field: string; message: string }> => {
      const serverUrl = normaliseServerUrl(serverInput)
      if (!serverUrl) return { ok: false, field: 'serverUrl', message: syncText.badServerUrl }
      if (!email.trim()) return { ok: false, field: 'email', message: syncText.emailRequired }
      if (!password) return { ok: false, field: 'password', message: syncText.passwordRequired }
      try {
        const tokens = await syncHttp(deps.fetch, serverUrl).login(
          email.trim(),
          password,
          deps.deviceName,
        )
        await saveSession({ ...tokens, serverUrl })
        signedOutMessage = syncText.signedOut
      } catch (e) {
        if (e instanceof NetworkError)
          return { ok: false, field: 'serverUrl', message: syncText.unreachable }
        if (e instanceof SyncHttpError)
          return {
            ok: false,
            field: e.status === 401 ? 'password' : (e.field ?? 'email'),
            message: e.message,
          }
        throw e
      }
      failures = 0
      void syncNow()
      return { ok: true }
    },
    /**
     * Signs out. With `wipe`, every dossier, the outbox and the sync bookkeeping leave this
     * device (changes not yet pushed are lost: the screen says how many first).
     */
    signOut: async (opts: { wipe: boolean }): Promise<void> => {
      if (running) await running
      session = null
      if (timer !== null) timers.clear(timer)
      timer = null
      if (opts.wipe) await repo.wipeAll()
      else await repo.deleteSealed(SESSION_KEY)
      deps.setState({
        ...INITIAL_SYNC_STATE,
        pending: await repo.pendingCount(),
        lastSyncedAt: opts.wipe ? null : ((await repo.getMeta<string>(LAST_SYNCED_KEY)) ?? null),
      })
    },
  }
}

export type SyncEngine = ReturnType<typeof createSyncEngine>
