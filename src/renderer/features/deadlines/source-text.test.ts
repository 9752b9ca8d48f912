import { describe, expect, it } from 'vitest'
import { MILESTONE_INFO } from '../../../shared/rules/milestones'
import { isoDate } from '../../../shared/kernel/iso-date'
import { computeDossierTimeline } from '../../../shared/rules/dossier-timeline'
import { plainSource } from './source-text'

describe('rule texts on screen', () => {
  it("keep the insurer's clause and drop seed and domain references", () => {
    expect(
      plainSource(
        'Voorwaarden Ontzorgmanager De Amersfoortse art. 4.1–4.2 (seed 000): ziekmelding binnen twee dagen.',
      ),
    ).toBe(
      'Voorwaarden Ontzorgmanager De Amersfoortse art. 4.1–4.2: ziekmelding binnen twee dagen.',
    )
    expect(plainSource('De Goudse (seed 003 art. 2.3.3): bij vrijwillig langer doorbetalen')).toBe(
      'De Goudse (polisvoorwaarden art. 2.3.3): bij vrijwillig langer doorbetalen',
    )
    expect(plainSource('art. 2.3.3 (seed 003): geen vergoeding (PG-GOU-8, domein §2.18).')).toBe(
      'art. 2.3.3: geen vergoeding.',
    )
    expect(plainSource('a.s.r. MKB Verzuim-ontzorgverzekering (seed 002, 004): na 3 maanden')).toBe(
      'a.s.r. MKB Verzuim-ontzorgverzekering: na 3 maanden',
    )
  })

  it('no milestone source or guarantee text shows seed or domain wording', () => {
    const texts = Object.values(MILESTONE_INFO).map((i) => i.source)
    for (const profile of [
      'amersfoortse-ontzorgmanager',
      'goudse-op-maat',
      'asr-reintegratiemanager',
    ] as const) {
      for (const reported of ['2025-01-07', '2025-01-20', undefined]) {
        const t = computeDossierTimeline({
          today: isoDate('2025-03-01'),
          profile,
          sickPeriods: [{ start: isoDate('2025-01-06') }],
          marks: reported
            ? [{ key: 'melding-arbodienst', state: 'done', date: isoDate(reported) }]
            : [],
          loonsanctieDecisionOn: isoDate('2025-02-20'),
        })
        if (t)
          texts.push(t.guarantee.source, t.guarantee.reason, ...t.milestones.map((m) => m.source))
      }
    }
    for (const t of texts) expect(plainSource(t)).not.toMatch(/seed|domein §|PG-[A-Z]+-\d/)
  })
})
