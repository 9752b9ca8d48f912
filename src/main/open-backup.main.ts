import { basename, extname } from 'node:path'
import { FILE_TOO_LARGE_MESSAGE, MAX_FILE_BYTES, type OpenedFile } from '../shared/ipc/contract'

/**
 * Opening a backup file from outside the app: given on the command line, double-clicked (a
 * `.hervat` file: the installer associates the extension; on macOS the `open-file` event), or
 * passed to a second start. Main keeps the path and tells the renderer; the renderer takes the
 * file when it is unlocked and shows the restore confirmation. Nothing is restored by opening.
 */

/** Backups are written as `.hervat`; `.json` (what earlier versions wrote) is still accepted. */
export const BACKUP_EXTENSIONS = ['hervat', 'json'] as const

export function isBackupPath(path: string): boolean {
  const ext = extname(path).slice(1).toLowerCase()
  return (BACKUP_EXTENSIONS as readonly string[]).includes(ext)
}

/**
 * The backup file among a start's arguments (`process.argv`, or a second start's `argv`): the
 * last argument that names a backup file. The executable (and, unpackaged, the app folder) and
 * switches are never one.
 */
export function backupPathFromArgs(argv: readonly string[]): string | null {
  const candidates = argv.slice(1).filter((a) => !a.startsWith('-') && isBackupPath(a))
  return candidates.at(-1) ?? null
}

export type BackupInboxDeps = {
  readonly fileSize: (path: string) => Promise<number>
  readonly readFile: (path: string) => Promise<Uint8Array>
  /** Tells the renderer a file waits (its name only; the content goes through `take`). */
  readonly announce: (fileName: string) => void
}

/** The one backup file waiting to be restored (a newer request replaces an older one). */
export function createBackupInbox(deps: BackupInboxDeps) {
  let waiting: string | null = null
  return {
    offer: (path: string | null): void => {
      if (path === null || !isBackupPath(path)) return
      waiting = path
      deps.announce(basename(path))
    },
    /** Hands over the waiting file once; null when there is none. */
    take: async (): Promise<OpenedFile | null> => {
      const path = waiting
      waiting = null
      if (path === null) return null
      if ((await deps.fileSize(path)) > MAX_FILE_BYTES) throw new Error(FILE_TOO_LARGE_MESSAGE)
      return { name: basename(path), data: await deps.readFile(path) }
    },
  }
}

export type BackupInbox = ReturnType<typeof createBackupInbox>
