import { useRouter } from '../../app/router'
import { repos } from '../../app/services'
import { useLive } from '../../storage/live'
import { useSyncState } from '../../sync/store'
import { syncText } from '../../sync/text'

/** The sidebar's sync line: state, pending changes, open conflicts; opens the sync screen. */
export function SyncSidebarStatus() {
  const navigate = useRouter((s) => s.navigate)
  const status = useSyncState((s) => s.status)
  const pending = useSyncState((s) => s.pending)
  const progress = useSyncState((s) => s.progress)
  const conflicts = useLive(() => repos.sync.conflictCount(), []) ?? 0
  return (
    <div className={`sidebar__sync sidebar__sync--${status}`} data-testid="sync-status">
      <a
        href="#/synchronisatie"
        onClick={(e) => {
          e.preventDefault()
          navigate({ name: 'sync' })
        }}
      >
        {syncText.statusLabel[status]}
      </a>
      {progress ? <span>{syncText.progress(progress.done, progress.total)}</span> : null}
      {status !== 'signed-out' ? <span>{syncText.pending(pending)}</span> : null}
      {conflicts > 0 ? (
        <a
          href="#/conflicten"
          className="sidebar__conflicts"
          onClick={(e) => {
            e.preventDefault()
            navigate({ name: 'conflicts' })
          }}
        >
          {syncText.conflicts(conflicts)}
        </a>
      ) : null}
    </div>
  )
}
