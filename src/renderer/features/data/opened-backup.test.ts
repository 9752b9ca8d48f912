import { beforeEach, describe, expect, it, vi } from 'vitest'

const bridge = vi.hoisted(() => ({ take: async (): Promise<unknown> => null }))
vi.mock('../../platform/api', () => ({ api: { takeOpenedBackup: () => bridge.take() } }))

const { receiveOpenedBackup, useOpenedBackup } = await import('./opened-backup')

beforeEach(() => useOpenedBackup.setState({ file: null, error: null }))

describe('a backup file opened from outside the app', () => {
  it('is taken from main and kept for the Gegevens page, which asks before restoring', async () => {
    const file = { name: 'back-up.hervat', data: new Uint8Array([123, 125]) }
    bridge.take = async () => file
    expect(await receiveOpenedBackup()).toBe(true)
    expect(useOpenedBackup.getState()).toEqual({ file, error: null })
  })

  it('without one, nothing happens', async () => {
    bridge.take = async () => null
    expect(await receiveOpenedBackup()).toBe(false)
    expect(useOpenedBackup.getState()).toEqual({ file: null, error: null })
  })

  it('a file main could not read becomes a Dutch error on the Gegevens page', async () => {
    bridge.take = async () => {
      throw new Error('Het bestand is groter dan 200 MB.')
    }
    expect(await receiveOpenedBackup()).toBe(true)
    expect(useOpenedBackup.getState().error).toBe('Het bestand is groter dan 200 MB.')
  })
})
