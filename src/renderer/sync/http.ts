import type { PullResponse, PushResponse, SyncChange } from '../../shared/sync'

/**
 * The sync server's HTTP API as the client uses it (src/server, OpenAPI at /openapi.json). Every
 * error arrives in one JSON envelope `{ error: { code, message, field? } }`; the client turns it
 * into a `SyncHttpError` with the Dutch message, or a network error when the server is unreachable.
 */

export type SyncUser = {
  readonly id: string
  readonly organisationId: string
  readonly name: string
  readonly email: string
  readonly role: 'casemanager' | 'teamleider' | 'beheerder'
}

export type Tokens = {
  readonly accessToken: string
  readonly refreshToken: string
  readonly deviceId: string
  readonly user: SyncUser
}

export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

/** The server could not be reached at all (offline, wrong address, server down). */
export class NetworkError extends Error {}

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>

/** A server address the user typed: http(s) only, no trailing slash. */
export function normaliseServerUrl(input: string): string | undefined {
  const trimmed = input.trim().replace(/\/+$/, '')
  if (!URL.canParse(trimmed)) return undefined
  const u = new URL(trimmed)
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined
  return trimmed
}

async function send(fetchFn: FetchLike, url: string, init: RequestInit): Promise<Response> {
  let res: Response
  try {
    // Never into the browser's disk cache: answers hold dossiers and tokens in plain text.
    res = await fetchFn(url, { ...init, cache: 'no-store' })
  } catch {
    throw new NetworkError('De server is niet bereikbaar.')
  }
  if (res.ok) return res
  let body: unknown
  try {
    body = await res.json()
  } catch {
    body = undefined
  }
  const e = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } })?.error
  throw new SyncHttpError(
    res.status,
    typeof e?.code === 'string' ? e.code : 'http',
    typeof e?.message === 'string' ? e.message : `De server antwoordde met status ${res.status}.`,
    typeof e?.field === 'string' ? e.field : undefined,
  )
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

export function syncHttp(fetchFn: FetchLike, serverUrl: string) {
  const authed = (token: string, init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
  })
  return {
    health: async (): Promise<boolean> => {
      try {
        return (await fetchFn(`${serverUrl}/health`)).ok
      } catch {
        return false
      }
    },
    login: async (email: string, password: string, deviceName: string): Promise<Tokens> =>
      (
        await send(fetchFn, `${serverUrl}/api/v1/auth/login`, json({ email, password, deviceName }))
      ).json(),
    refresh: async (refreshToken: string): Promise<Tokens> =>
      (await send(fetchFn, `${serverUrl}/api/v1/auth/refresh`, json({ refreshToken }))).json(),
    push: async (token: string, changes: readonly SyncChange[]): Promise<PushResponse> =>
      (
        await send(fetchFn, `${serverUrl}/api/v1/sync/push`, authed(token, json({ changes })))
      ).json(),
    pull: async (token: string, cursor: number, limit: number): Promise<PullResponse> =>
      (
        await send(
          fetchFn,
          `${serverUrl}/api/v1/sync/pull?cursor=${cursor}&limit=${limit}`,
          authed(token),
        )
      ).json(),
    /** Whether this user may read the dossier now (a per-dossier pull answers 403 if not). */
    mayRead: async (token: string, dossierId: string): Promise<boolean> => {
      try {
        await send(
          fetchFn,
          `${serverUrl}/api/v1/sync/pull?dossierId=${encodeURIComponent(dossierId)}&cursor=0&limit=1`,
          authed(token),
        )
        return true
      } catch (e) {
        if (e instanceof SyncHttpError && e.status === 403) return false
        throw e
      }
    },
    missingBlobs: async (token: string, sha256: readonly string[]): Promise<string[]> =>
      (
        (await (
          await send(fetchFn, `${serverUrl}/api/v1/blobs/missing`, authed(token, json({ sha256 })))
        ).json()) as {
          missing: string[]
        }
      ).missing,
    putBlob: async (token: string, sha256: string, data: Uint8Array): Promise<void> => {
      await send(
        fetchFn,
        `${serverUrl}/api/v1/blobs/${sha256}`,
        authed(token, {
          method: 'PUT',
          headers: { 'content-type': 'application/octet-stream' },
          body: data as Uint8Array<ArrayBuffer>,
        }),
      )
    },
    getBlob: async (token: string, sha256: string): Promise<Uint8Array> =>
      new Uint8Array(
        await (
          await send(fetchFn, `${serverUrl}/api/v1/blobs/${sha256}`, authed(token))
        ).arrayBuffer(),
      ),
  }
}

export type SyncHttp = ReturnType<typeof syncHttp>
