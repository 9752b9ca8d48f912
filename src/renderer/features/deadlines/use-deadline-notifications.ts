import { useEffect } from 'react'
import { repos } from '../../app/services'
import { today } from '../../app/today'
import { api } from '../../platform/api'
import { deadlineNotice, overdueCount } from './deadline-notifier'
import { rankCaseload } from './deadline-views'

const HOUR = 60 * 60 * 1000
const START_DELAY = 3000

/**
 * Checks the caseload shortly after start and every hour: the overdue count for the dock or
 * taskbar badge, and at most one desktop notification a day.
 */
export function useDeadlineNotifications(): void {
  useEffect(() => {
    let stopped = false
    const check = async () => {
      const settings = await repos.settings.get()
      const now = today()
      const ranked = rankCaseload(await repos.caseload.list(), now, settings.notifyDaysAhead)
      if (stopped) return
      // The badge: a count only, like the notification (no name, no dossier).
      await api.setOverdueCount(overdueCount(ranked))
      const notice = deadlineNotice(ranked, now, settings)
      if (!notice || stopped) return
      await api.notify(notice)
      await repos.settings.update({ lastNotifiedOn: now })
    }
    // Not at the very start: opening the caseload comes first.
    const first = setTimeout(() => void check(), START_DELAY)
    const timer = setInterval(() => void check(), HOUR)
    return () => {
      stopped = true
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [])
}
