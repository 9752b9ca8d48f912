import { CONTACT_KIND_LABELS, INTERVENTION_KIND_LABELS } from '../shared/domain/entities'
import type { DossierExport } from '../shared/documents/dossier-export'
import {
  WORK_POSSIBILITY_LABELS,
  type ActueelOordeel,
  type OordeelWerknemer,
  type Probleemanalyse,
} from '../shared/documents/records'
import type { AdministrativeData } from '../shared/documents/reintegratieverslag'
import {
  authorLine,
  employeeRows,
  employerRows,
  fmtContact,
  fmtDate,
  signatureBlock,
} from './blocks'
import type { Layout } from './layout'

/** The RIV parts that are not an app-made form: admin data, BA registrations, overviews. */

export function writeAdministratief(layout: Layout, data: AdministrativeData): void {
  const { exp, functieEnBekwaamheden: fb } = data
  layout.newPage('Administratieve gegevens')
  layout.title('Administratieve gegevens', 'Regeling procesgang art. 6 lid 1 onder a, c, d en e')
  if (fb) authorLine(layout, fb.date, fb.author, fb.handedToEmployeeOn)
  layout.heading('Werknemer (a)')
  layout.keyValues(employeeRows(exp))
  layout.heading('Werkgever (a)')
  layout.keyValues(employerRows(exp))
  layout.heading('Bedrijfsarts en arbodienst (a)')
  layout.keyValues([
    ['Bedrijfsarts', fmtContact(exp.dossier.bedrijfsarts)],
    ['Arbodienst', fmtContact(exp.dossier.arbodienst)],
    ['Casemanager', exp.dossier.casemanager],
  ])
  layout.heading('Eerste ziektedag (e)')
  layout.paragraph(fmtDate(data.firstSickDay), { bold: true })
  layout.heading('Functie van de werknemer (c)')
  layout.paragraph(fb?.jobDescription ?? exp.employee.jobTitle)
  layout.heading('Bekwaamheden van de werknemer (d)')
  layout.paragraph(fb?.skills ?? 'Niet vastgelegd.', { muted: !fb })
}

export function writeProbleemanalyse(layout: Layout, doc: Probleemanalyse, hasPdf: boolean): void {
  const title = doc.kind === 'bijstelling' ? 'Bijstelling probleemanalyse' : 'Probleemanalyse'
  layout.newPage(`${title} · ${fmtDate(doc.date)}`)
  layout.title(title, 'Registratie van het niet-medische deel (Regeling procesgang art. 2 lid 2)')
  authorLine(layout, doc.date, doc.author, doc.handedToEmployeeOn)
  layout.keyValues([
    ['Bedrijfsarts', doc.bedrijfsarts],
    ['Arbodienst', doc.arbodienst ?? '—'],
    ['Benutbare mogelijkheden', WORK_POSSIBILITY_LABELS[doc.workPossibilities]],
    ['Functionele beperkingen', doc.functionalLimitations ?? '—'],
    ['Verwacht verloop', doc.expectedCourse ?? '—'],
    ['Advies', doc.advice ?? '—'],
    ['Document bedrijfsarts', hasPdf ? 'Bijgevoegd (volgende pagina’s)' : 'Niet bijgevoegd'],
  ])
}

export function writeActueelOordeel(layout: Layout, doc: ActueelOordeel, hasPdf: boolean): void {
  layout.newPage(`Actueel oordeel · ${fmtDate(doc.date)}`)
  layout.title(
    'Actueel oordeel bedrijfsarts',
    'Regeling procesgang art. 6 lid 1 onder i, j en k (deel bedrijfsarts)',
  )
  authorLine(layout, doc.date, doc.author, doc.handedToEmployeeOn)
  layout.keyValues([
    ['Bedrijfsarts', doc.bedrijfsarts],
    ['Arbodienst', doc.arbodienst ?? '—'],
    ['Verloop (j)', doc.course ?? '—'],
    ['Functionele mogelijkheden (j)', doc.functionalPossibilities ?? '—'],
    ['Kwaliteit arbeidsrelatie (i)', doc.employmentRelationshipView ?? '—'],
    ['Passende arbeid bij werkgever (k)', doc.suitableWorkView ?? '—'],
    ['Document bedrijfsarts', hasPdf ? 'Bijgevoegd (volgende pagina’s)' : 'Niet bijgevoegd'],
  ])
}

export async function writeOordeelWerknemer(layout: Layout, doc: OordeelWerknemer): Promise<void> {
  layout.newPage(`Oordeel werknemer · ${fmtDate(doc.date)}`)
  layout.title(
    'Oordeel werknemer',
    'Het oordeel van de werknemer over de onderdelen a tot en met k (art. 6 lid 1 onder l)',
  )
  authorLine(layout, doc.date, doc.author, doc.handedToEmployeeOn)
  layout.paragraph(doc.text)
  await signatureBlock(layout, doc.signatures)
}

export function writeMedischeInformatie(layout: Layout): void {
  layout.newPage('Medische informatie')
  layout.title('Medische informatie', 'Vorm-beleidsregels art. 2 lid 2 onder e')
  layout.paragraph(
    'De medische informatie maakt deel uit van het re-integratieverslag, maar zit niet in deze bundel. ' +
      'De bedrijfsarts stelt haar op en de werknemer stuurt haar zelf in een gesloten envelop, gemarkeerd ' +
      '“medisch geheim”, naar UWV. De werkgever ontvangt en verstuurt geen medische gegevens.',
  )
}

export function writeActiviteitenoverzicht(layout: Layout, exp: DossierExport): void {
  layout.newPage('Overzicht contactmomenten en interventies')
  layout.title(
    'Overzicht contactmomenten en interventies',
    'Aantekeningen en gewerkte uren (Regeling procesgang art. 3)',
  )
  layout.heading('Interventies')
  layout.table(
    [
      { title: 'Aangevraagd', width: 0.14 },
      { title: 'Soort', width: 0.26 },
      { title: 'Uitvoerder', width: 0.3 },
      { title: 'Status', width: 0.3 },
    ],
    exp.interventions.map((i) => [
      fmtDate(i.requestedOn),
      INTERVENTION_KIND_LABELS[i.kind],
      i.provider,
      i.approvalStatus,
    ]),
  )
  layout.heading(`Contactmomenten (${exp.contacts.length})`)
  const contacts = [...exp.contacts].sort((a, b) => a.date.localeCompare(b.date))
  layout.table(
    [
      { title: 'Datum', width: 0.13 },
      { title: 'Soort', width: 0.17 },
      { title: 'Deelnemers', width: 0.2 },
      { title: 'Samenvatting', width: 0.43 },
      { title: 'Uren', width: 0.07 },
    ],
    contacts.map((c) => [
      fmtDate(c.date),
      CONTACT_KIND_LABELS[c.kind],
      c.participants,
      c.summary,
      c.hoursWorked === undefined ? '' : String(c.hoursWorked).replace('.', ','),
    ]),
  )
}

const OORDEEL_PROMPTS = [
  'a. de administratieve gegevens van werknemer, werkgever en bedrijfsarts',
  'b. de aard van het bedrijf',
  'c. uw functie',
  'd. uw bekwaamheden',
  'e. de eerste ziektedag',
  'f. het oordeel en advies van de bedrijfsarts (probleemanalyse)',
  'g. het Plan van Aanpak en de bijstellingen',
  'h. de eerstejaarsevaluatie en de eindevaluatie',
  'i. de kwaliteit van de arbeidsrelatie',
  'j. het actueel oordeel van de bedrijfsarts',
  'k. passende arbeid bij de werkgever',
] as const

/**
 * uwv-forms §3.1: when the employee has not written an oordeel yet, a blank page with items a–k
 * of Regeling art. 6 as prompts; never pre-filled by the employer.
 */
export function writeOordeelWerknemerPrompt(layout: Layout): void {
  layout.newPage('Oordeel werknemer · in te vullen door de werknemer')
  layout.title(
    'Oordeel werknemer',
    'In te vullen door de werknemer (Regeling procesgang art. 6 lid 1 onder l)',
  )
  layout.paragraph(
    'Geef hieronder in uw eigen woorden uw oordeel over de onderdelen van dit re-integratieverslag. ' +
      'U mag het oneens zijn met wat werkgever of bedrijfsarts schrijven. U kunt ingaan op:',
  )
  layout.paragraph(OORDEEL_PROMPTS.map((p) => `•  ${p}`).join('\n'), { muted: true })
  layout.space(10)
  for (let i = 0; i < 14; i++) layout.paragraph('_'.repeat(86), { muted: true })
  layout.paragraph(
    'Naam: ____________________   Datum: ____________   Handtekening: ____________________',
  )
}
