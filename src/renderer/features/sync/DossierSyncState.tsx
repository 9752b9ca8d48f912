import { useRouter } from '../../app/router'
import { repos } from '../../app/services'
import { useLive } from '../../storage/live'
import { useSyncState } from '../../sync/store'
import { syncText } from '../../sync/text'

/** A dossier's sync state in its header: pending changes, last synced, open conflicts. */
export function DossierSyncState(props: { readonly dossierId: string }) {
  const navigate = useRouter((s) => s.navigate)
  const signedIn = useSyncState((s) => s.account !== null)
  const lastSyncedAt = useSyncState((s) => s.lastSyncedAt)
  const info = useLive(
    async () => ({
      pending: await repos.sync.pendingForDossier(props.dossierId),
      conflicts: await repos.sync.conflictCount(props.dossierId),
    }),
    [props.dossierId],
  )
  if (!info) return null
  return (
    <p className="dossier-sync" data-testid="dossier-sync">
      {signedIn ? (
        <>
          <span>{syncText.pending(info.pending)}</span>
          <span>{syncText.lastSynced(lastSyncedAt)}</span>
        </>
      ) : (
        <span>Alleen op deze computer (niet gekoppeld aan een server)</span>
      )}
      {info.conflicts > 0 ? (
        <a
          href={`#/conflicten/${encodeURIComponent(props.dossierId)}`}
          className="dossier-sync__conflicts"
          onClick={(e) => {
            e.preventDefault()
            navigate({ name: 'conflicts', dossierId: props.dossierId })
          }}
        >
          {syncText.conflicts(info.conflicts)}
        </a>
      ) : null}
    </p>
  )
}
