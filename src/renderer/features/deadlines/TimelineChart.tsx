import {
  addDays,
  daysBetween,
  formatDutchDate,
  type IsoDate,
} from '../../../shared/kernel/iso-date'
import { STATUS_LABELS } from './deadline-labels'

/**
 * The 104 weeks of a case at a glance: sick periods, gaps (recovered days), leave, every
 * milestone as a marker coloured by status, and today. Pure SVG, sized to its container.
 */
export type ChartSpan = { readonly start: IsoDate; readonly end: IsoDate }
export type ChartMilestone = {
  readonly key: string
  readonly label: string
  readonly due: IsoDate
  readonly status: string
  readonly windowStart?: IsoDate
  readonly doneOn?: IsoDate
}

/** The tooltip of a milestone marker, in Dutch: "Plan van aanpak: uiterlijk 02-03-2025 · gedaan op 26-02-2025". */
export function milestoneTooltip(m: ChartMilestone): string {
  const status = (STATUS_LABELS[m.status] ?? m.status).toLowerCase()
  const on = m.doneOn ? ` op ${formatDutchDate(m.doneOn)}` : ''
  return `${m.label}: uiterlijk ${formatDutchDate(m.due)} · ${status}${on}`
}

const WIDTH = 1000
const LEFT = 8
const RIGHT = 8
const BAR_Y = 46
const BAR_H = 22

export function TimelineChart(props: {
  readonly firstSickDay: IsoDate
  readonly lastWageDay: IsoDate
  readonly today: IsoDate
  readonly sickSpans: readonly ChartSpan[]
  readonly leaveSpans: readonly ChartSpan[]
  readonly milestones: readonly ChartMilestone[]
}) {
  const start = props.firstSickDay
  const end = addDays(props.lastWageDay, 7)
  const total = Math.max(1, daysBetween(start, end))
  const x = (d: IsoDate) =>
    LEFT + (Math.min(Math.max(daysBetween(start, d), 0), total) / total) * (WIDTH - LEFT - RIGHT)
  const spanWidth = (s: ChartSpan) => Math.max(1.5, x(addDays(s.end, 1)) - x(s.start))
  const ticks = [0, 13, 26, 39, 52, 65, 78, 91, 104]
  const todayX = x(props.today)
  // Recovered days between the periods of the case (and after the last one, up to today).
  const gaps: ChartSpan[] = []
  props.sickSpans.forEach((s, i) => {
    const next = props.sickSpans[i + 1]
    const gapEnd = next ? addDays(next.start, -1) : props.today
    if (gapEnd > s.end) gaps.push({ start: addDays(s.end, 1), end: gapEnd })
  })
  return (
    <figure className="timeline-chart">
      <svg
        viewBox={`0 0 ${WIDTH} 120`}
        role="img"
        aria-label={`Tijdlijn van 104 weken vanaf ${formatDutchDate(start)}; vandaag is ${formatDutchDate(props.today)}`}
        preserveAspectRatio="none"
      >
        <rect
          x={LEFT}
          y={BAR_Y}
          width={WIDTH - LEFT - RIGHT}
          height={BAR_H}
          className="tc-future"
        />
        {gaps.map((g) => (
          <rect
            key={`g${g.start}`}
            x={x(g.start)}
            y={BAR_Y}
            width={spanWidth(g)}
            height={BAR_H}
            className="tc-gap"
          >
            <title>{`Hersteld ${formatDutchDate(g.start)} t/m ${formatDutchDate(g.end)}`}</title>
          </rect>
        ))}
        {props.sickSpans.map((s) => (
          <rect
            key={`s${s.start}`}
            x={x(s.start)}
            y={BAR_Y}
            width={spanWidth(s)}
            height={BAR_H}
            className="tc-sick"
          >
            <title>{`Ziek ${formatDutchDate(s.start)} t/m ${formatDutchDate(s.end)}`}</title>
          </rect>
        ))}
        {props.leaveSpans.map((s) => (
          <rect
            key={`l${s.start}`}
            x={x(s.start)}
            y={BAR_Y}
            width={spanWidth(s)}
            height={BAR_H}
            className="tc-leave"
          >
            <title>{`Verlof ${formatDutchDate(s.start)} t/m ${formatDutchDate(s.end)}`}</title>
          </rect>
        ))}
        {ticks.map((w) => {
          const tx = LEFT + ((w * 7) / total) * (WIDTH - LEFT - RIGHT)
          return tx <= WIDTH - RIGHT ? (
            <g key={w}>
              <line x1={tx} x2={tx} y1={BAR_Y + BAR_H} y2={BAR_Y + BAR_H + 6} className="tc-tick" />
              <text x={tx} y={BAR_Y + BAR_H + 18} className="tc-tick-label" textAnchor="middle">
                {w === 0 ? 'wk 1' : `wk ${w}`}
              </text>
            </g>
          ) : null
        })}
        {props.milestones.map((m) => (
          <g key={m.key} className={`tc-milestone tc-milestone--${m.status}`}>
            {m.windowStart ? (
              <rect
                x={x(m.windowStart)}
                y={BAR_Y - 6}
                width={Math.max(2, x(m.due) - x(m.windowStart))}
                height={4}
                className="tc-window"
              />
            ) : null}
            <path d={`M ${x(m.due)} ${BAR_Y - 2} l -6 -12 h 12 z`}>
              <title>{milestoneTooltip(m)}</title>
            </path>
          </g>
        ))}
        {props.today >= start && props.today <= end ? (
          <g className="tc-today">
            <line x1={todayX} x2={todayX} y1={18} y2={BAR_Y + BAR_H + 4} />
            <text x={todayX} y={13} textAnchor="middle">
              vandaag
            </text>
          </g>
        ) : null}
      </svg>
      <figcaption className="timeline-chart__legend">
        <span className="tc-key tc-key--sick">ziek</span>
        <span className="tc-key tc-key--gap">hersteld</span>
        <span className="tc-key tc-key--future">nog te gaan</span>
        <span className="tc-key tc-key--leave">verlof</span>
        <span className="tc-key tc-key--overdue">te laat</span>
        <span className="tc-key tc-key--soon">binnenkort</span>
        <span className="tc-key tc-key--done">gedaan</span>
      </figcaption>
    </figure>
  )
}
