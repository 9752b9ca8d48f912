import { describe, expect, it } from 'vitest'
import { FILE_TOO_LARGE_MESSAGE, MAX_FILE_BYTES } from '../shared/ipc/contract'
import { backupPathFromArgs, createBackupInbox } from './open-backup.main'

describe('a backup file given to Hervat from outside', () => {
  it('finds it among the start arguments, not the executable, the app folder or a switch', () => {
    expect(backupPathFromArgs(['/opt/Hervat/hervat', '/home/p/back-up 1-12.hervat'])).toBe(
      '/home/p/back-up 1-12.hervat',
    )
    expect(backupPathFromArgs(['C:\\Hervat\\Hervat.exe', 'D:\\oud\\backup.JSON'])).toBe(
      'D:\\oud\\backup.JSON',
    )
    expect(backupPathFromArgs(['electron', '.', '--inspect=9229'])).toBeNull()
    expect(backupPathFromArgs(['hervat', '--open=/x.hervat', '/home/p/notities.txt'])).toBeNull()
    expect(backupPathFromArgs(['/x/backup.hervat'])).toBeNull()
  })

  it('announces the file by name and hands it over once, for the restore confirmation', async () => {
    const announced: string[] = []
    const inbox = createBackupInbox({
      fileSize: async () => 3,
      readFile: async (path) => new TextEncoder().encode(path),
      announce: (name) => announced.push(name),
    })
    expect(await inbox.take()).toBeNull()
    inbox.offer('/home/p/oud.hervat')
    inbox.offer('/home/p/nieuw.hervat')
    inbox.offer('/home/p/foto.png')
    inbox.offer(null)
    expect(announced).toEqual(['oud.hervat', 'nieuw.hervat'])
    const file = await inbox.take()
    expect(file?.name).toBe('nieuw.hervat')
    expect(new TextDecoder().decode(file?.data)).toBe('/home/p/nieuw.hervat')
    expect(await inbox.take()).toBeNull()
  })

  it('refuses a file larger than the bridge carries, in Dutch', async () => {
    const inbox = createBackupInbox({
      fileSize: async () => MAX_FILE_BYTES + 1,
      readFile: async () => new Uint8Array(),
      announce: () => undefined,
    })
    inbox.offer('/home/p/groot.hervat')
    await expect(inbox.take()).rejects.toThrow(FILE_TOO_LARGE_MESSAGE)
  })
})
