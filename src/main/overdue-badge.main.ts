/**
 * The count of overdue steps on the dock (macOS) or taskbar/launcher icon (Linux with Unity),
 * through `app.setBadgeCount`; where the OS has no badge (Windows, most Linux desktops), a tray
 * icon's tooltip says it. The renderer sends only the number: no name, no dossier.
 */

export type BadgeDeps = {
  /** `app.setBadgeCount`: false where the OS shows no badge. */
  readonly setBadgeCount: (count: number) => boolean
  /** Shows (or updates) the tray icon's tooltip; null removes the tray icon. */
  readonly setTrayTooltip: (text: string | null) => void
}

export function overdueText(count: number): string {
  return count === 1 ? 'Hervat: 1 stap over de termijn' : `Hervat: ${count} stappen over de termijn`
}

export function createOverdueBadge(deps: BadgeDeps) {
  let badgeWorks: boolean | null = null
  return (count: number): void => {
    const n = Math.max(0, Math.trunc(count))
    if (badgeWorks !== false) {
      badgeWorks = deps.setBadgeCount(n)
      if (badgeWorks) return
    }
    deps.setTrayTooltip(n === 0 ? null : overdueText(n))
  }
}
