/**
 * Where Hervat's own pages come from. A packaged app serves the built renderer from the custom
 * `app://hervat/` scheme (a real, stable origin for IndexedDB and CSP, unlike `file://`); in
 * development electron-vite's dev server on localhost (`ELECTRON_RENDERER_URL`).
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'hervat'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

const ORIGIN_SCHEMES = new Set(['http:', 'https:', `${APP_SCHEME}:`])

/**
 * `scheme://host[:port]` of a URL, or `null` for anything without a real origin (`file:`,
 * `data:`, `about:`, `javascript:`, garbage). Node reports `null` as the origin of custom schemes,
 * so this builds it from the parts.
 */
export function originOf(url: string | undefined | null): string | null {
  if (typeof url !== 'string') return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (!ORIGIN_SCHEMES.has(parsed.protocol) || parsed.host === '') return null
  if (parsed.username !== '' || parsed.password !== '') return null
  return `${parsed.protocol}//${parsed.host}`
}

/** True when `url` belongs to the app's own origin. */
export function isAppUrl(url: string | undefined | null, appOrigin: string): boolean {
  return originOf(url) === appOrigin
}

export type AppLocation = {
  readonly entryUrl: string
  readonly origin: string
  readonly dev: boolean
}

/**
 * The page to load. The dev server is honoured only in an unpackaged app and only on the local
 * machine, so an environment variable cannot point a shipped app at a remote page.
 */
export function appLocation(env: {
  readonly isPackaged: boolean
  readonly rendererUrl: string | undefined
}): AppLocation {
  if (!env.isPackaged && env.rendererUrl) {
    const origin = originOf(env.rendererUrl)
    const host = origin === null ? '' : new URL(origin).hostname
    if (origin?.startsWith('http://') && (host === 'localhost' || host === '127.0.0.1')) {
      return { entryUrl: env.rendererUrl, origin, dev: true }
    }
  }
  return { entryUrl: APP_ENTRY_URL, origin: APP_ORIGIN, dev: false }
}
