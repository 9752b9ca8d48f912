import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { MENU_COMMANDS, type MenuCommand } from '../shared/ipc/contract'
import { buildMenuTemplate } from './menu.main'

function build(platform: string, dev = false) {
  const sent: MenuCommand[] = []
  const template = buildMenuTemplate({ platform, dev, send: (cmd) => sent.push(cmd) })
  return { template, sent }
}

const submenu = (item: MenuItemConstructorOptions | undefined) =>
  (item?.submenu ?? []) as MenuItemConstructorOptions[]

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...flatten(submenu(item))])
}

const topLabels = (template: MenuItemConstructorOptions[]) => template.map((i) => i.label)
const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)()

describe('application menu', () => {
  it('has the Dutch menus in order on Windows and Linux', () => {
    for (const platform of ['win32', 'linux']) {
      expect(topLabels(build(platform).template)).toEqual([
        'Bestand',
        'Bewerken',
        'Beeld',
        'Synchronisatie',
        'Help',
      ])
    }
  })

  it('has the Bestand menu the brief asks for', () => {
    const labels = submenu(build('linux').template[0])
      .filter((i) => i.type !== 'separator')
      .map((i) => i.label)
    expect(labels).toEqual([
      'Nieuw dossier',
      'Back-up exporteren…',
      'Back-up importeren…',
      'Voorbeelddata laden',
      'Vergrendelen',
      'Afsluiten',
    ])
  })

  it('sends every menu command, each from a Dutch item', () => {
    const { template, sent } = build('linux')
    const commandItems = flatten(template).filter((i) => i.click)
    for (const item of commandItems) click(item)
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort())
    for (const item of commandItems) expect(item.id).toBe(sent[commandItems.indexOf(item)])
  })

  it('gives every item a Dutch label, also those with a role', () => {
    const english =
      /^(File|Edit|View|Window|About|Undo|Redo|Cut|Copy|Paste|Select All|Reload|Quit|Zoom)/
    for (const item of flatten(build('linux', true).template)) {
      if (item.type === 'separator') continue
      expect(item.label, JSON.stringify(item.role)).toBeTruthy()
      expect(item.label).not.toMatch(english)
    }
  })

  it('offers reload and developer tools only in development', () => {
    const roles = (dev: boolean) => flatten(build('linux', dev).template).map((i) => i.role)
    expect(roles(false)).not.toContain('reload')
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toContain('reload')
    expect(roles(true)).toContain('toggleDevTools')
    expect(roles(false)).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
    )
  })

  it('on macOS puts the app menu first and quits from there', () => {
    const { template } = build('darwin')
    expect(template[0]?.label).toBe('Hervat')
    expect(submenu(template[0]).map((i) => i.role)).toContain('quit')
    expect(submenu(template[1]).map((i) => i.role)).not.toContain('quit')
  })

  it('binds keyboard shortcuts to the everyday commands', () => {
    const items = flatten(build('linux').template)
    const accel = (id: MenuCommand) => items.find((i) => i.id === id)?.accelerator
    expect(accel('new-dossier')).toBe('CmdOrCtrl+N')
    expect(accel('lock')).toBe('CmdOrCtrl+L')
  })
})
