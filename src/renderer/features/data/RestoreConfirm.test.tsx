import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { BackupSummary } from '../../storage/backup'
import { RestoreConfirm, restoreConfirmText } from './RestoreConfirm'

const summary: BackupSummary = {
  employers: 3,
  employees: 1,
  dossiers: 4,
  exportedAt: '2026-11-20T10:05:00.000Z',
  version: 9,
  current: { employers: 2, employees: 5, dossiers: 20 },
}
const render = (s: BackupSummary, signedIn: boolean) =>
  renderToStaticMarkup(
    <RestoreConfirm
      summary={s}
      fileName="hervat-backup-20-11-2026.json"
      signedIn={signedIn}
      busy={false}
      onConfirm={() => undefined}
      onCancel={() => undefined}
    />,
  )

describe('the restore confirmation', () => {
  it('says what the file holds, when it was made (Dutch time) and that it replaces', () => {
    const text = restoreConfirmText(summary, { fileName: 'b.json', signedIn: false })
    expect(text.holds).toBe('Het bestand b.json bevat 3 werkgevers, 1 werknemer en 4 dossiers.')
    expect(text.made).toBe('De back-up is gemaakt op 20-11-2026 om 11:05.')
    expect(text.effect).toContain('vervangt alle dossiers, werknemers, werkgevers en bijlagen')
    expect(text.effect).toContain('er wordt niets samengevoegd')
    expect(text.effect).toContain(
      'Op deze computer staan nu 2 werkgevers, 5 werknemers en 20 dossiers.',
    )
    expect(text.effect).toContain('is daarna van deze computer verdwenen')
    expect(text.sync).toBeUndefined()
  })

  it('says the restore will sync only when signed in', () => {
    const text = restoreConfirmText(summary, { fileName: 'b.json', signedIn: true })
    expect(text.sync).toMatch(/worden daarna gesynchroniseerd/)
    expect(text.effect).not.toContain('verdwenen')
  })

  it('leaves the date out when the backup records none, and says when this computer is empty', () => {
    const { exportedAt: _, ...undated } = summary
    const text = restoreConfirmText(
      { ...undated, current: { employers: 0, employees: 0, dossiers: 0 } },
      { fileName: 'b.json', signedIn: false },
    )
    expect(text.made).toBeUndefined()
    expect(text.effect).toContain('Er staan nu geen gegevens op deze computer.')
  })

  it('is a labelled dialog with Herstellen and Annuleren', () => {
    const html = render(summary, true)
    expect(html).toMatch(/role="dialog"[^>]*aria-labelledby="[^"]+"/)
    expect(html).toContain('Back-up terugzetten?')
    expect(html).toContain('hervat-backup-20-11-2026.json bevat 3 werkgevers')
    expect(html).toContain('gesynchroniseerd')
    expect(html).toMatch(/>Herstellen<\/button>/)
    expect(html).toMatch(/>Annuleren<\/button>/)
    expect(render(summary, false)).not.toContain('gesynchroniseerd')
  })
})
