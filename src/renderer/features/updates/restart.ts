import type { RestartDecision, RestartReadiness } from '../../../shared/ipc/contract'

/*
 * The renderer's answer to "may I restart?" (docs/adr/0014). An unsaved edit is answered at
 * once: only the user can save or drop it. Unsynced changes are first sent: one sync attempt,
 * then the count is read again, so main hears the truth after the attempt. Main makes the
 * decision itself (src/main/updates.main.ts) and restarts only when both are clear.
 */

export type RestartDeps = {
  readonly hasUnsavedEdits: () => boolean
  /** Local changes not yet on the sync server (the outbox in IndexedDB). */
  readonly pendingChanges: () => Promise<number>
  /** One sync attempt; may fail (offline), which is not an error here. */
  readonly syncNow: () => Promise<void>
  readonly install: (readiness: RestartReadiness) => Promise<RestartDecision>
}

export async function requestRestart(deps: RestartDeps): Promise<RestartDecision> {
  if (deps.hasUnsavedEdits()) {
    return deps.install({ unsavedEdits: true, unsyncedChanges: await deps.pendingChanges() })
  }
  if ((await deps.pendingChanges()) > 0) {
    try {
      await deps.syncNow()
    } catch {
      // Offline or the server refused: the count below tells main what is still waiting.
    }
  }
  return deps.install({
    unsavedEdits: deps.hasUnsavedEdits(),
    unsyncedChanges: await deps.pendingChanges(),
  })
}
