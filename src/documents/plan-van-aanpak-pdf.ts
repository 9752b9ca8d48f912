import type { DossierExport } from '../shared/documents/dossier-export'
import {
  ACTIVITY_OWNER_LABELS,
  ACTIVITY_STATUS_LABELS,
  BIJSTELLING_TRIGGER_LABELS,
  isEndOfYearOneScheduled,
  planVersions,
  REINTEGRATION_GOAL_LABELS,
  type PlanVanAanpak,
} from '../shared/documents/plan-van-aanpak'
import { rivHeader, type RivHeader } from '../shared/documents/reintegratieverslag'
import {
  authorLine,
  employeeRows,
  employerRows,
  fmtAuthor,
  fmtContact,
  fmtDate,
  signatureBlock,
  dossierCreatedAt,
} from './blocks'
import { Layout, type DocumentFonts, textOf } from './layout'
import { finishDocument, type RenderOptions } from './page-chrome'

/** Plan van Aanpak and bijstelling (uwv-forms §2.2 section order; Regeling art. 4 lid 2). */

export const planTitle = (plan: PlanVanAanpak): string =>
  plan.version === 1 ? 'Plan van Aanpak' : `Bijstelling Plan van Aanpak (versie ${plan.version})`

export const planLabel = (plan: PlanVanAanpak): string =>
  `${plan.version === 1 ? 'Plan van Aanpak' : 'Bijstelling Plan van Aanpak'} versie ${plan.version} · ${fmtDate(plan.date)}`

export async function writePlanVanAanpak(
  layout: Layout,
  exp: DossierExport,
  plan: PlanVanAanpak,
  header: RivHeader,
): Promise<void> {
  layout.newPage(planLabel(plan))
  layout.title(planTitle(plan), 'Wet verbetering poortwachter · Regeling procesgang art. 4')
  authorLine(layout, plan.date, plan.author, plan.handedToEmployeeOn)

  if (plan.bijstelling) {
    layout.heading('Bijstelling')
    const previous = exp.documents.planVanAanpak.find((p) => p.id === plan.previousVersionId)
    layout.keyValues([
      [
        'Wijzigt',
        previous
          ? `Versie ${previous.version} van ${fmtDate(previous.date)}`
          : `Versie ${plan.version - 1}`,
      ],
      ['Aanleiding', BIJSTELLING_TRIGGER_LABELS[plan.bijstelling.trigger]],
      ['Reden van de bijstelling', plan.bijstelling.reason],
    ])
  }

  const pa = exp.documents.probleemanalyses.find((p) => p.id === plan.probleemanalyseId)
  layout.heading('1. Gegevens werknemer')
  layout.keyValues(employeeRows(exp))
  layout.heading('2. Gegevens werkgever')
  layout.keyValues(employerRows(exp))
  layout.heading('3. Casemanager')
  layout.keyValues([
    ['Naam', plan.casemanager.name],
    ['Organisatie', plan.casemanager.organisation ?? '—'],
    ['Functie', plan.casemanager.function ?? 'Casemanager'],
    [
      'Bereikbaar',
      [plan.casemanager.phone, plan.casemanager.email].filter(Boolean).join(', ') || '—',
    ],
  ])
  layout.heading('4. Bedrijfsarts en arbodienst')
  layout.keyValues([
    ['Bedrijfsarts', fmtContact(exp.dossier.bedrijfsarts)],
    ['Arbodienst', fmtContact(exp.dossier.arbodienst)],
    ['Datum probleemanalyse', pa ? fmtDate(pa.date) : '—'],
    ['Eerste ziektedag', fmtDate(header.firstSickDay)],
  ])
  layout.heading('5. Visie op de terugkeer naar werk', 1, 60)
  layout.heading('5.1 Visie van de werknemer', 2)
  layout.paragraph(plan.employeeView ?? 'Niet ingevuld.', { muted: !plan.employeeView })
  layout.heading('5.2 Visie van de werkgever', 2)
  layout.paragraph(plan.employerView ?? 'Niet ingevuld.', { muted: !plan.employerView })
  layout.heading('6. Doel van de re-integratie')
  layout.paragraph(REINTEGRATION_GOAL_LABELS[plan.goal], { bold: true })
  if (plan.goalMotivation) layout.paragraph(plan.goalMotivation)

  layout.heading('7. Afspraken')
  if (plan.activities.length === 0) layout.paragraph('Geen afspraken vastgelegd.', { muted: true })
  else
    layout.table(
      [
        { title: 'Activiteit', width: 0.25 },
        { title: 'Doel', width: 0.2 },
        { title: 'Wie', width: 0.17 },
        { title: 'Start', width: 0.135 },
        { title: 'Termijn', width: 0.135 },
        { title: 'Status', width: 0.11 },
      ],
      plan.activities.map((a) => [
        a.description,
        a.goal,
        ACTIVITY_OWNER_LABELS[a.owner],
        fmtDate(a.start),
        fmtDate(a.term),
        [ACTIVITY_STATUS_LABELS[a.status], a.statusNote].filter(Boolean).join(': '),
      ]),
    )

  layout.heading('8. Contact en evaluatie')
  layout.keyValues([
    ['Contactfrequentie', plan.contactFrequency ?? '—'],
    ...plan.evaluationMoments.map((m, i): [string, string] => [
      m.kind === 'eerstejaarsevaluatie'
        ? 'Evaluatie einde eerste ziektejaar'
        : `Evaluatiemoment ${i + 1}`,
      fmtDate(m.date),
    ]),
  ])
  if (!isEndOfYearOneScheduled(plan)) {
    layout.paragraph(
      'Let op: de evaluatie aan het einde van het eerste ziektejaar is nog niet gepland.',
      { muted: true },
    )
  }

  await signatureBlock(layout, plan.signatures, '9. Ondertekening en verstrekking')
  // The hand-over to the employee is one field of the plan; the distribution list may say it too.
  const copies = plan.distribution
    .filter((d) => !(plan.handedToEmployeeOn && d.recipient === 'werknemer'))
    .map((d) => `${d.recipient} ${fmtDate(d.sentOn)}`)
  if (plan.handedToEmployeeOn) copies.unshift(`werknemer ${fmtDate(plan.handedToEmployeeOn)}`)
  layout.keyValues([['Afschrift verstrekt aan', copies.join('; ') || 'Nog niet verstrekt']])
}

/** One version of the plan as a standalone PDF (the latest when `planId` is absent). */
export async function renderPlanVanAanpak(
  exp: DossierExport,
  fonts: DocumentFonts,
  options: RenderOptions & { readonly planId?: string },
): Promise<Uint8Array> {
  const versions = planVersions(exp.documents.planVanAanpak)
  const plan = options.planId ? versions.find((p) => p.id === options.planId) : versions.at(-1)
  if (!plan) throw new Error('Dit dossier heeft geen Plan van Aanpak.')
  const header = rivHeader(exp, options.dates)
  const layout = await Layout.create(fonts, textOf(exp))
  await writePlanVanAanpak(layout, exp, plan, header)
  return finishDocument(layout, {
    title: `${planTitle(plan)} – ${header.employeeName}`,
    subject: 'Plan van Aanpak (Regeling procesgang eerste en tweede ziektejaar, art. 4)',
    author: fmtAuthor(plan.author),
    header,
    producedAt: options.producedAt,
    createdAt: dossierCreatedAt(exp),
    ...(options.warn ? { warn: options.warn } : {}),
  })
}
