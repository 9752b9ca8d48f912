import { useEffect } from 'react'
import { repos } from '../../app/services'
import { today } from '../../app/today'
import { api } from '../../platform/api'
import { deadlineNotice } from './deadline-notifier'
import { rankCaseload } from './deadline-views'

const HOUR = 60 * 60 * 1000
const START_DELAY = 3000

/** Checks the caseload shortly after start and every hour; at most one desktop notification a day. */
export function useDeadlineNotifications(): void {
  useEffect(() => {
    let stopped = false
    const check = async () => {
      const settings = await repos.settings.get()
      const now = today()
      const notice = deadlineNotice(
        rankCaseload(await repos.caseload.list(), now, settings.notifyDaysAhead),
        now,
        settings,
      )
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
