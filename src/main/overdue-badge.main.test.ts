import { describe, expect, it } from 'vitest'
import { createOverdueBadge } from './overdue-badge.main'

describe('the badge with the number of overdue steps', () => {
  it('uses the dock or taskbar badge where the OS has one', () => {
    const badges: number[] = []
    const tips: (string | null)[] = []
    const show = createOverdueBadge({
      setBadgeCount: (n) => (badges.push(n), true),
      setTrayTooltip: (t) => void tips.push(t),
    })
    show(3)
    show(0)
    expect(badges).toEqual([3, 0])
    expect(tips).toEqual([])
  })

  it('elsewhere says it in a tray tooltip, in Dutch, and removes the tray icon at zero', () => {
    const tips: (string | null)[] = []
    let asked = 0
    const show = createOverdueBadge({
      setBadgeCount: () => (asked++, false),
      setTrayTooltip: (t) => void tips.push(t),
    })
    show(1)
    show(4)
    show(0)
    expect(tips).toEqual([
      'Hervat: 1 stap over de termijn',
      'Hervat: 4 stappen over de termijn',
      null,
    ])
    // Once the OS said it has no badge, it is not asked again.
    expect(asked).toBe(1)
  })
})
