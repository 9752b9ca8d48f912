import { extname, resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

/*
 * The update feed an organisation hosts itself (docs/adr/0014): the folder HERVAT_UPDATES_DIR
 * holds one sub-folder per channel with what `npm run dist` made (latest.yml, latest-linux.yml,
 * latest-mac.yml, the installers and their .blockmap files). electron-updater's generic provider
 * reads `<feed url>/latest*.yml` and downloads the file it names. Public and read-only: an update
 * is no secret (it is verified on the laptop by its sha512 and, on Windows, its signature), and
 * the updater has no account.
 */

export const UPDATES_PREFIX = '/updates/'

/** `/<channel>/<file>`: one folder level, plain names only (no dot files, no `..`). */
const FEED_PATH = /^\/[a-z0-9][a-z0-9-]{0,31}\/[A-Za-z0-9][A-Za-z0-9._ +-]{0,199}$/

/** Content types by extension; everything else is plain bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.exe': 'application/vnd.microsoft.portable-executable',
  '.deb': 'application/vnd.debian.binary-package',
  '.dmg': 'application/x-apple-diskimage',
  '.zip': 'application/zip',
  '.appimage': 'application/vnd.appimage',
}

export function updateContentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

export function isFeedPath(path: string): boolean {
  return FEED_PATH.test(path) && !path.includes('..')
}

/**
 * Serves `GET /updates/<channel>/<file>` (and HEAD, with byte ranges for electron-updater's
 * differential download) from `dir`. Without a folder the routes do not exist.
 */
export async function registerUpdateRoutes(
  app: FastifyInstance,
  dir: string | undefined,
): Promise<void> {
  if (!dir) return
  await app.register(fastifyStatic, {
    root: resolve(dir),
    prefix: UPDATES_PREFIX,
    decorateReply: false,
    list: false,
    index: false,
    redirect: false,
    dotfiles: 'deny',
    acceptRanges: true,
    etag: true,
    lastModified: true,
    // The feed file must be re-read on every check; installers never change under one name.
    cacheControl: false,
    allowedPath: (pathName) => isFeedPath(pathName),
    setHeaders: (reply, path) => {
      void reply
        .header('content-type', updateContentType(path))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', /\.ya?ml$/i.test(path) ? 'no-cache' : 'public, max-age=3600')
    },
  })
}
