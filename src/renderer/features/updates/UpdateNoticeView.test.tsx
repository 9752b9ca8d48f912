import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { UpdateStatus } from '../../../shared/ipc/contract'
import { hasUnsavedEdits, setUnsavedEdit } from '../../platform/unsaved-edits'
import { UpdateNoticeView } from './UpdateNoticeView'

const view = (status: UpdateStatus, answer: string | null = null) =>
  renderToStaticMarkup(
    <UpdateNoticeView status={status} answer={answer} busy={false} onRestart={() => undefined} />,
  )

describe('the update notice', () => {
  it('shows nothing without an update', () => {
    expect(view({ state: 'idle' })).toBe('')
    expect(view({ state: 'checking' })).toBe('')
  })

  it('shows the download progress in Dutch', () => {
    const html = view({ state: 'downloading', version: '0.2.0', percent: 42 })
    expect(html).toContain('Versie 0.2.0 wordt gedownload: 42%')
    expect(html).toMatch(/<progress[^>]*max="100"[^>]*value="42"/)
    expect(html).not.toContain('Herstarten')
  })

  it('offers “Herstarten om bij te werken” only for a verified update, with main’s answer', () => {
    const html = view(
      { state: 'ready', version: '0.2.0' },
      'Er staan nog 2 wijzigingen klaar om te synchroniseren.',
    )
    expect(html).toContain('Versie 0.2.0 staat klaar.')
    expect(html).toContain('>Herstarten om bij te werken</button>')
    expect(html).toContain('role="alert">Er staan nog 2 wijzigingen klaar')
    const rejected = view({ state: 'rejected', version: '0.2.0', message: 'Klopt niet.' })
    expect(rejected).toContain('Klopt niet.')
    expect(rejected).not.toContain('Herstarten')
  })
})

describe('unsaved edits', () => {
  it('counts a form as unsaved until it is clean or gone', () => {
    expect(hasUnsavedEdits()).toBe(false)
    setUnsavedEdit('form-a', true)
    setUnsavedEdit('form-b', true)
    setUnsavedEdit('form-a', false)
    expect(hasUnsavedEdits()).toBe(true)
    setUnsavedEdit('form-b', false)
    expect(hasUnsavedEdits()).toBe(false)
  })
})
