import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { DURATION_CLASSES } from '../../../shared/reports/absence'
import { dutchNumber } from '../../../shared/reports/csv'
import type { AbsenceRow } from './report-tables'

const COLORS = { kort: '#7aa6d8', middellang: '#2f6db3', lang: '#173a63' } as const
const LABELS = { kort: 'Kort (1–7 dagen)', middellang: 'Middellang (8–42)', lang: 'Lang (43+)' }

/**
 * The verzuimpercentage per werkgever as stacked bars by duration class. The table beside it
 * holds the same figures for screen readers and export; the chart is named by its summary.
 */
export function AbsenceChart(props: { readonly rows: readonly AbsenceRow[] }) {
  const data = props.rows.map((r) => ({
    name: r.label,
    kort: r.figures.verzuimpercentageByDuration.kort ?? 0,
    middellang: r.figures.verzuimpercentageByDuration.middellang ?? 0,
    lang: r.figures.verzuimpercentageByDuration.lang ?? 0,
  }))
  const summary = props.rows
    .map((r) => `${r.label} ${dutchNumber(r.figures.verzuimpercentage, 1)} %`)
    .join(', ')
  return (
    <figure className="chart" role="img" aria-label={`Verzuimpercentage per werkgever: ${summary}`}>
      <ResponsiveContainer width="100%" height={Math.max(160, 48 * data.length + 60)}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" unit=" %" tickFormatter={(v: number) => dutchNumber(v, 0)} />
          <YAxis type="category" dataKey="name" width={180} />
          <Tooltip formatter={(v) => `${dutchNumber(Number(v), 2)} %`} />
          <Legend itemSorter={null} />
          {DURATION_CLASSES.map((c) => (
            <Bar
              key={c}
              dataKey={c}
              name={LABELS[c]}
              stackId="verzuim"
              fill={COLORS[c]}
              maxBarSize={32}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  )
}
