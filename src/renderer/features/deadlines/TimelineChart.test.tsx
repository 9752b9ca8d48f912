import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { isoDate } from '../../../shared/kernel/iso-date'
import { milestoneTooltip, TimelineChart } from './TimelineChart'

const d = isoDate

describe('the timeline picture', () => {
  it('names each marker in Dutch: the status in words and the day a step was done', () => {
    expect(
      milestoneTooltip({
        key: 'plan-van-aanpak',
        label: 'Plan van aanpak',
        due: d('2025-03-02'),
        status: 'done',
        doneOn: d('2025-02-26'),
      }),
    ).toBe('Plan van aanpak: uiterlijk 02-03-2025 · gedaan op 26-02-2025')
    expect(
      milestoneTooltip({
        key: 'probleemanalyse',
        label: 'Probleemanalyse',
        due: d('2025-02-16'),
        status: 'overdue',
      }),
    ).toBe('Probleemanalyse: uiterlijk 16-02-2025 · te laat')
  })

  it('shows no status key in the rendered picture', () => {
    const html = renderToStaticMarkup(
      <TimelineChart
        firstSickDay={d('2025-01-06')}
        lastWageDay={d('2027-01-03')}
        today={d('2025-03-10')}
        sickSpans={[{ start: d('2025-01-06'), end: d('2025-03-10') }]}
        leaveSpans={[]}
        milestones={[
          { key: 'a', label: 'Probleemanalyse', due: d('2025-02-16'), status: 'overdue' },
          {
            key: 'b',
            label: 'Plan',
            due: d('2025-03-02'),
            status: 'done-late',
            doneOn: d('2025-03-05'),
          },
          { key: 'c', label: '42e week', due: d('2025-10-27'), status: 'due-soon' },
        ]}
      />,
    )
    expect(html).toContain('Probleemanalyse: uiterlijk 16-02-2025 · te laat</title>')
    expect(html).toContain('Plan: uiterlijk 02-03-2025 · te laat gedaan op 05-03-2025</title>')
    expect(html).toContain('· binnenkort</title>')
    expect(html).not.toMatch(/\((overdue|done|done-late|due-soon|open)\)/)
  })
})
