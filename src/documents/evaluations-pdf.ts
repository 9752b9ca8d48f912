import type { Author } from '../shared/documents/common'
import type { DossierExport } from '../shared/documents/dossier-export'
import {
  ADJUSTMENT_SIGNAL_LABELS,
  SPOOR2_DECISION_LABELS,
  type Eerstejaarsevaluatie,
  type Eindevaluatie,
  type Evaluatie,
} from '../shared/documents/records'
import { rivHeader } from '../shared/documents/reintegratieverslag'
import type { IsoDate } from '../shared/kernel/iso-date'
import { authorLine, fmtAuthor, fmtDate, signatureBlock, dossierCreatedAt } from './blocks'
import { Layout, type DocumentFonts, textOf } from './layout'
import { finishDocument, type RenderOptions } from './page-chrome'

/** Periodic evaluation, eerstejaarsevaluatie and eindevaluatie (domain §4.3; uwv-forms §4). */

const hours = (n: number | undefined) =>
  n === undefined ? '—' : `${String(n).replace('.', ',')} uur per week`

export async function writeEvaluatie(layout: Layout, doc: Evaluatie): Promise<void> {
  layout.newPage(`Evaluatie · ${fmtDate(doc.date)}`)
  layout.title(
    'Evaluatie re-integratie',
    `Periodieke evaluatie van het Plan van Aanpak${doc.planVersion ? ` (versie ${doc.planVersion})` : ''}`,
  )
  authorLine(layout, doc.date, doc.author, doc.handedToEmployeeOn)
  layout.keyValues([
    ['Deelnemers', doc.participants],
    ['Gewerkte uren', hours(doc.hoursWorkedPerWeek)],
    ['Bijstelling nodig', doc.bijstellingNeeded ? 'Ja' : 'Nee'],
    ['Volgende evaluatie', fmtDate(doc.nextEvaluationOn)],
  ])
  if (doc.progress.length > 0) {
    layout.heading('Voortgang van de afspraken')
    layout.table(
      [
        { title: 'Afspraak', width: 0.45 },
        { title: 'Nagekomen', width: 0.15 },
        { title: 'Toelichting', width: 0.4 },
      ],
      doc.progress.map((p) => [p.activity, p.done ? 'Ja' : 'Nee', p.explanation ?? '']),
    )
  }
  layout.heading('Conclusie')
  layout.paragraph(doc.conclusion)
  if (doc.newAgreements) {
    layout.heading('Nieuwe afspraken')
    layout.paragraph(doc.newAgreements)
  }
  await signatureBlock(layout, doc.signatures)
}

export async function writeEerstejaarsevaluatie(
  layout: Layout,
  doc: Eerstejaarsevaluatie,
): Promise<void> {
  layout.newPage(`Eerstejaarsevaluatie · ${fmtDate(doc.date)}`)
  layout.title(
    'Eerstejaarsevaluatie',
    'Evaluatie aan het einde van het eerste ziektejaar (Regeling procesgang art. 4 lid 2 sub b)',
  )
  authorLine(layout, doc.date, doc.author, doc.handedToEmployeeOn)
  layout.keyValues([
    ['Deelnemers', doc.participants],
    ['Re-integratie op koers', doc.onCourse ? 'Ja' : 'Nee'],
    ['Arbeidsdeskundig onderzoek', fmtDate(doc.arbeidsdeskundigOnderzoekOn)],
  ])
  layout.heading('1. Terugblik op het eerste ziektejaar')
  layout.paragraph(doc.lookBack)
  layout.heading('2. Signalen die om bijsturing vragen')
  layout.paragraph(
    doc.adjustmentSignals.length === 0
      ? 'Geen.'
      : doc.adjustmentSignals.map((s) => `•  ${ADJUSTMENT_SIGNAL_LABELS[s]}`).join('\n'),
  )
  layout.heading('3. Visie van de werkgever')
  layout.paragraph(doc.employerView ?? 'Niet ingevuld.', { muted: !doc.employerView })
  layout.heading('4. Visie van de werknemer')
  layout.paragraph(doc.employeeView ?? 'Niet ingevuld.', { muted: !doc.employeeView })
  layout.heading('5. Beslissing over spoor 2')
  layout.paragraph(SPOOR2_DECISION_LABELS[doc.spoor2Decision], { bold: true })
  layout.paragraph(`Motivering: ${doc.spoor2Motivation}`)
  layout.heading('6. Vooruitblik en nieuwe afspraken')
  layout.paragraph([doc.lookAhead, doc.newAgreements].filter(Boolean).join('\n\n') || 'Geen.')
  await signatureBlock(layout, doc.signatures)
}

export async function writeEindevaluatie(
  layout: Layout,
  doc: Eindevaluatie,
  exp: DossierExport,
): Promise<void> {
  layout.newPage(`Eindevaluatie · ${fmtDate(doc.date)}`)
  layout.title(
    'Eindevaluatie',
    'Stand van de re-integratie bij de WIA-aanvraag (vorm-beleidsregels art. 2 lid 5 en 10)',
  )
  authorLine(layout, doc.date, doc.author, doc.handedToEmployeeOn)
  const ao = exp.documents.actueelOordelen.find((a) => a.id === doc.actueelOordeelId)
  layout.keyValues([
    ['Deelnemers', doc.participants],
    [
      'Op basis van actueel oordeel',
      ao ? `Bedrijfsarts ${ao.bedrijfsarts}, ${fmtDate(ao.date)}` : '—',
    ],
  ])
  layout.heading('1. Stand van de re-integratie')
  layout.paragraph(doc.stateOfReintegration)
  if (doc.lookBack) {
    layout.heading('2. Terugblik op twee jaar re-integratie')
    layout.paragraph(doc.lookBack)
  }
  layout.heading('3. Aard van het bedrijf')
  layout.paragraph(doc.businessNature)
  layout.heading('4. Oordeel werkgever over de kwaliteit van de arbeidsrelatie')
  layout.paragraph(doc.employmentRelationshipView)
  layout.heading('5. Oordeel werkgever over passende arbeid bij de werkgever')
  layout.paragraph(doc.suitableWorkView)
  await signatureBlock(layout, doc.signatures)
}

type Standalone = RenderOptions

async function standalone(
  exp: DossierExport,
  fonts: DocumentFonts,
  opts: Standalone,
  doc: { date?: IsoDate | undefined; author: Author },
  title: string,
  subject: string,
  write: (layout: Layout) => Promise<void>,
): Promise<Uint8Array> {
  const layout = await Layout.create(fonts, textOf(exp))
  await write(layout)
  const header = rivHeader(exp, opts.dates)
  return finishDocument(layout, {
    title: `${title} – ${header.employeeName} – ${fmtDate(doc.date)}`,
    subject,
    author: fmtAuthor(doc.author),
    header,
    producedAt: opts.producedAt,
    createdAt: dossierCreatedAt(exp),
    ...(opts.warn ? { warn: opts.warn } : {}),
  })
}

export function renderEvaluatie(
  exp: DossierExport,
  fonts: DocumentFonts,
  opts: Standalone & { evaluatieId: string },
) {
  const doc = exp.documents.evaluaties.find((e) => e.id === opts.evaluatieId)
  if (!doc) throw new Error(`Evaluatie ${opts.evaluatieId} bestaat niet in dit dossier.`)
  return standalone(
    exp,
    fonts,
    opts,
    doc,
    'Evaluatie',
    'Periodieke evaluatie (Regeling procesgang art. 4 lid 2 sub b)',
    (l) => writeEvaluatie(l, doc),
  )
}

export function renderEerstejaarsevaluatie(
  exp: DossierExport,
  fonts: DocumentFonts,
  opts: Standalone,
) {
  const doc = exp.documents.eerstejaarsevaluatie
  if (!doc) throw new Error('Dit dossier heeft geen eerstejaarsevaluatie.')
  return standalone(
    exp,
    fonts,
    opts,
    doc,
    'Eerstejaarsevaluatie',
    'Eerstejaarsevaluatie (Regeling procesgang art. 6 lid 1 sub h)',
    (l) => writeEerstejaarsevaluatie(l, doc),
  )
}

export function renderEindevaluatie(exp: DossierExport, fonts: DocumentFonts, opts: Standalone) {
  const doc = exp.documents.eindevaluatie
  if (!doc) throw new Error('Dit dossier heeft geen eindevaluatie.')
  return standalone(
    exp,
    fonts,
    opts,
    doc,
    'Eindevaluatie',
    'Eindevaluatie (vorm-beleidsregels art. 2 lid 5 en 10)',
    (l) => writeEindevaluatie(l, doc, exp),
  )
}
