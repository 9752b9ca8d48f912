import { describe, expect, it, vi } from 'vitest'
import type { RestartDecision, RestartReadiness } from '../../../shared/ipc/contract'
import { decideRestart } from '../../../main/updates.main'
import { requestRestart } from './restart'

/** Main's real decision on a verified update, behind a recording stand-in for the IPC call. */
function setup(opts: {
  unsaved?: boolean
  pending: number
  syncSends: number
  syncFails?: boolean
}) {
  let pending = opts.pending
  const asked: RestartReadiness[] = []
  const syncNow = vi.fn(async () => {
    if (opts.syncFails) throw new Error('offline')
    pending = Math.max(0, pending - opts.syncSends)
  })
  const install = vi.fn(async (r: RestartReadiness): Promise<RestartDecision> => {
    asked.push(r)
    return decideRestart({ state: 'ready', version: '0.2.0' }, r)
  })
  const run = () =>
    requestRestart({
      hasUnsavedEdits: () => opts.unsaved ?? false,
      pendingChanges: async () => pending,
      syncNow,
      install,
    })
  return { run, syncNow, install, asked }
}

describe('answering “may I restart?”', () => {
  it('nothing pending: restarts without a sync', async () => {
    const s = setup({ pending: 0, syncSends: 0 })
    expect(await s.run()).toEqual({ restarting: true })
    expect(s.syncNow).not.toHaveBeenCalled()
  })

  it('unsynced changes: sends them first, then restarts once the outbox is empty', async () => {
    const s = setup({ pending: 4, syncSends: 4 })
    expect(await s.run()).toEqual({ restarting: true })
    expect(s.syncNow).toHaveBeenCalledTimes(1)
    expect(s.asked).toEqual([{ unsavedEdits: false, unsyncedChanges: 0 }])
  })

  it('offline with unsynced changes: waits, and says how many', async () => {
    const s = setup({ pending: 2, syncSends: 0, syncFails: true })
    const decision = await s.run()
    expect(decision).toMatchObject({ restarting: false, reason: 'unsynced-changes' })
    expect(!decision.restarting && decision.message).toMatch(/nog 2 wijzigingen/)
    expect(s.asked).toEqual([{ unsavedEdits: false, unsyncedChanges: 2 }])
  })

  it('an unsaved edit: refused at once, no sync started', async () => {
    const s = setup({ unsaved: true, pending: 1, syncSends: 1 })
    expect(await s.run()).toMatchObject({ restarting: false, reason: 'unsaved-edit' })
    expect(s.syncNow).not.toHaveBeenCalled()
  })
})
