import { extname, isAbsolute, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY } from '../shared/ipc/csp'
import { APP_HOST, APP_SCHEME } from './app-origin.main'

/**
 * The `app://hervat/` scheme: serves the built renderer folder, nothing outside it, read-only,
 * with the CSP header on every response. Registered as privileged (standard, secure) before the
 * app is ready, so the page gets a real origin for IndexedDB and `'self'`.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  stream: false,
  bypassCSP: false,
  allowServiceWorkers: false,
} as const

/**
 * Maps a request URL to a file under `rootDir`, or `null` when it is not ours or would leave
 * the folder (`..`, encoded separators, NUL bytes, another host or scheme).
 */
export function resolveAppFile(requestUrl: string, rootDir: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  if (pathname === '/' || pathname === '') pathname = '/index.html'
  const root = resolve(rootDir)
  const file = resolve(root, `.${pathname}`)
  const rel = relative(root, file)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null
  return file
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/**
 * The `protocol.handle(APP_SCHEME, …)` handler. `fetchFile` is `net.fetch` in the app (it reads
 * a `file://` URL); tests pass a fake.
 */
export function createAppProtocolHandler(opts: {
  readonly rootDir: string
  readonly fetchFile: (fileUrl: string) => Promise<Response>
}): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Niet toegestaan')
    const file = resolveAppFile(request.url, opts.rootDir)
    if (file === null) return plain(404, 'Niet gevonden')
    let response: Response
    try {
      response = await opts.fetchFile(pathToFileURL(file).toString())
    } catch {
      return plain(404, 'Niet gevonden')
    }
    if (!response.ok) return plain(404, 'Niet gevonden')
    const headers = new Headers()
    headers.set(
      'Content-Type',
      MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    )
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    headers.set('X-Content-Type-Options', 'nosniff')
    headers.set('Cache-Control', 'no-cache')
    return new Response(request.method === 'HEAD' ? null : response.body, { status: 200, headers })
  }
}
