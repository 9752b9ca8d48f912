import type { OnHeadersReceivedListenerDetails, HeadersReceivedResponse } from 'electron'
import { allowedExternalUrl } from '../shared/ipc/external-links'
import { CONTENT_SECURITY_POLICY } from '../shared/ipc/csp'
import { isAppUrl } from './app-origin.main'

/**
 * Window hardening (style.md rule 6), as plain functions over the smallest slice of Electron's
 * objects they touch, so tests drive them with plain fake objects.
 */

export type PreventableEvent = { preventDefault(): void }
export type NavigationEvent = PreventableEvent & { readonly url: string }
export type OpenExternal = (url: string) => unknown

/** The slice of `WebContents` the hardening touches. */
export type HardenableWebContents = {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void
}

export type SecurityOptions = {
  /** `app://hervat` when packaged, the dev server's origin in development. */
  readonly appOrigin: string
  /** `shell.openExternal`; only ever called with an allowlisted, normalised https URL. */
  readonly openExternal: OpenExternal
}

/**
 * Opens `url` in the user's browser when the allowlist admits it. Returns whether it did.
 * Errors of the OS call are swallowed: a link that does not open is not a crash.
 */
export async function openAllowedExternal(
  url: unknown,
  openExternal: OpenExternal,
): Promise<boolean> {
  const allowed = allowedExternalUrl(url)
  if (allowed === null) return false
  try {
    await openExternal(allowed)
    return true
  } catch {
    return false
  }
}

/**
 * `will-navigate` / `will-redirect` / `will-frame-navigate`: the page may move within the app's
 * own origin (reload, hash routes); anything else is stopped, and an allowlisted link goes to
 * the user's browser instead.
 */
export function guardNavigation(event: NavigationEvent, opts: SecurityOptions): void {
  if (isAppUrl(event.url, opts.appOrigin)) return
  event.preventDefault()
  void openAllowedExternal(event.url, opts.openExternal)
}

/** `window.open` and `target=_blank`: never a new Electron window; allowlisted links go outside. */
export function handleWindowOpen(
  details: { readonly url: string },
  opts: SecurityOptions,
): { action: 'deny' } {
  void openAllowedExternal(details.url, opts.openExternal)
  return { action: 'deny' }
}

/** Applies every guard to one `webContents` (called from `app.on('web-contents-created')`). */
export function hardenWebContents(contents: HardenableWebContents, opts: SecurityOptions): void {
  contents.on('will-navigate', (event) => guardNavigation(event, opts))
  contents.on('will-redirect', (event) => guardNavigation(event, opts))
  contents.on('will-frame-navigate', (event) => guardNavigation(event, opts))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler((details) => handleWindowOpen(details, opts))
}

/** Permissions a page of Hervat may have; everything else (camera, geolocation, …) is refused. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set([
  'notifications',
  'clipboard-sanitized-write',
])

/** For `session.setPermissionRequestHandler`: grant only listed permissions, to our own pages. */
export function decidePermissionRequest(
  permission: string,
  requestingUrl: string | undefined,
  appOrigin: string,
): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, appOrigin)
}

/** For `session.setPermissionCheckHandler` (synchronous checks such as `Notification.permission`). */
export function decidePermissionCheck(
  permission: string,
  requestingOrigin: string,
  appOrigin: string,
): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin, appOrigin)
}

/**
 * For `session.webRequest.onHeadersReceived`: the app's own pages get the strict CSP header
 * (replacing any the server sent, in whatever letter case); other responses pass unchanged.
 */
export function withContentSecurityPolicy(
  details: Pick<OnHeadersReceivedListenerDetails, 'url' | 'responseHeaders'>,
  appOrigin: string,
): HeadersReceivedResponse {
  if (!isAppUrl(details.url, appOrigin)) return { cancel: false }
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') headers[name] = value
  }
  headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
  return { cancel: false, responseHeaders: headers }
}
