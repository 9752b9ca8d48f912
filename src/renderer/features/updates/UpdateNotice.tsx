import { useEffect, useState } from 'react'
import type { UpdateStatus } from '../../../shared/ipc/contract'
import { repos } from '../../app/services'
import { api } from '../../platform/api'
import { hasUnsavedEdits } from '../../platform/unsaved-edits'
import { syncEngine } from '../../sync/client'
import { requestRestart } from './restart'
import { UpdateNoticeView, updateNoticeText } from './UpdateNoticeView'

/**
 * The desktop app's update notice (docs/adr/0014): download progress, then the restart button.
 * Nothing shows while there is no update (and never in the browser build).
 */
export function UpdateNotice() {
  const [status, setStatus] = useState<UpdateStatus>({ state: 'idle' })
  const [answer, setAnswer] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    const unsubscribe = api.onUpdateStatus((s) => {
      setStatus(s)
      setAnswer(null)
    })
    void api.updateStatus().then((s) => {
      if (live) setStatus(s)
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [])

  const restart = async () => {
    setBusy(true)
    setAnswer(null)
    try {
      const decision = await requestRestart({
        hasUnsavedEdits,
        pendingChanges: () => repos.sync.pendingCount(),
        syncNow: () => syncEngine.syncNow(),
        install: (readiness) => api.installUpdate(readiness),
      })
      setAnswer(decision.restarting ? updateNoticeText.restarting : decision.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <UpdateNoticeView
      status={status}
      answer={answer}
      busy={busy}
      onRestart={() => void restart()}
    />
  )
}
