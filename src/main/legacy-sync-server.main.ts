import { rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Versions before ADR 0008 ran a sync server inside main, on PGlite in `userData/sync-server`:
 * every synced field (BSN, names, free text) and every attachment lay there in plain text, next
 * to a sealed password file. Since ADR 0008 the app has no server of its own. On every start main
 * deletes that folder, recursively, whatever it holds. Nothing is lost: the encrypted IndexedDB
 * was the source of everything in it, and the renderer drops its session on that server and puts
 * what it had sent there back into its outbox for the organisation's server.
 */

/** The folder the in-app server of earlier versions used, under `app.getPath('userData')`. */
export const LEGACY_SYNC_SERVER_DIR = 'sync-server'

export type LegacyCleanup = 'absent' | 'removed' | 'failed'

/** The file system calls the cleanup needs (node:fs/promises; tests pass a failing one). */
export type CleanupFs = {
  readonly exists: (path: string) => Promise<boolean>
  readonly removeTree: (path: string) => Promise<void>
}

const nodeFs: CleanupFs = {
  exists: async (path) => {
    try {
      await stat(path)
      return true
    } catch {
      return false
    }
  },
  removeTree: (path) => rm(path, { recursive: true, force: true, maxRetries: 3 }),
}

/**
 * Deletes `userData/sync-server` if it exists. Never throws: a failure (a file held open by
 * another program on Windows) is reported and the next start tries again.
 */
export async function removeLegacySyncServer(
  userDataDir: string,
  fs: CleanupFs = nodeFs,
): Promise<LegacyCleanup> {
  const dir = join(userDataDir, LEGACY_SYNC_SERVER_DIR)
  if (!(await fs.exists(dir))) return 'absent'
  try {
    await fs.removeTree(dir)
  } catch {
    return 'failed'
  }
  return (await fs.exists(dir)) ? 'failed' : 'removed'
}
