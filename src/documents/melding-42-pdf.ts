import type { RuleCoreDates } from '../shared/documents/case-facts'
import type { DossierExport } from '../shared/documents/dossier-export'
import { buildMelding42 } from '../shared/documents/melding-42'
import { rivHeader } from '../shared/documents/reintegratieverslag'
import type { IsoDate } from '../shared/kernel/iso-date'
import { fmtDate, dossierCreatedAt } from './blocks'
import { Layout, type DocumentFonts, textOf } from './layout'
import { finishDocument } from './page-chrome'

const yesNo = (b: boolean) => (b ? 'Ja' : 'Nee')
const or = (v: string | null) => v ?? '—'
const hours = (n: number) => String(n).replace('.', ',')

/** The 42-week report data sheet as a one-page PDF (uwv-forms §5.3). */
export async function renderMelding42(
  exp: DossierExport,
  fonts: DocumentFonts,
  options: {
    readonly producedAt: Date
    readonly warn?: (message: string) => void
    readonly dates?: RuleCoreDates & { readonly reportDue?: IsoDate }
  },
): Promise<Uint8Array> {
  const m = buildMelding42(exp, options.dates)
  const layout = await Layout.create(fonts, textOf(exp))
  layout.newPage('Gegevens 42e-weeksmelding')
  layout.title(
    'Gegevens voor de 42e-weeksmelding',
    'Ziektewet art. 38 lid 2 · over te nemen in de Verzuimmelder van UWV of het portaal van de verzekeraar',
  )
  layout.heading('Melding aan UWV')
  layout.keyValues(
    m.melding
      ? [
          ['Gemeld op', fmtDate(m.melding.gemeldOp)],
          ['Gemeld door', m.melding.gemeldDoor],
          ['Gemeld via', m.melding.kanaalOmschrijving],
          ['Kenmerk UWV', or(m.melding.uwvKenmerk)],
        ]
      : [['Gemeld op', 'Nog niet gemeld (niet vastgelegd)']],
  )
  layout.heading('Verzuim')
  layout.keyValues([
    ['Eerste ziektedag', fmtDate(m.verzuim.eersteZiektedag ?? undefined)],
    ['Uiterste meldingsdatum', fmtDate(m.verzuim.uitersteMeldingsdatum ?? undefined)],
    ['Arbeidsongeval of beroepsziekte', yesNo(m.verzuim.arbeidsongevalOfBeroepsziekte)],
    ['Verhaal op derden mogelijk (regres)', yesNo(m.verzuim.regresMogelijk)],
    ['Vangnetregeling', m.verzuim.vangnetregeling],
  ])
  layout.heading('Werknemer')
  layout.keyValues([
    ['Burgerservicenummer (BSN)', m.werknemer.burgerservicenummer],
    ['Naam', m.werknemer.naam],
    ['Geboortedatum', fmtDate(m.werknemer.geboortedatum)],
    ['Functie', m.werknemer.functie],
    ['Contracturen per week', hours(m.werknemer.contracturenPerWeek)],
    [
      'Uren nu gewerkt per week',
      m.werknemer.urenGewerktPerWeek
        ? `${hours(m.werknemer.urenGewerktPerWeek.uren)} (${m.werknemer.urenGewerktPerWeek.bron} van ${fmtDate(m.werknemer.urenGewerktPerWeek.vastgelegdOp)})`
        : 'Niet vastgelegd',
    ],
    ['In dienst sinds', fmtDate(m.werknemer.datumInDienst)],
    ['Uit dienst per', fmtDate(m.werknemer.datumUitDienst ?? undefined)],
  ])
  layout.heading('Werkgever')
  layout.keyValues([
    ['Naam', m.werkgever.naam],
    ['Loonheffingennummer', or(m.werkgever.loonheffingennummer)],
    ['KvK-nummer', or(m.werkgever.kvkNummer)],
    ['Contactpersoon', or(m.werkgever.contactpersoon.naam)],
    ['Telefoon', or(m.werkgever.contactpersoon.telefoon)],
    ['E-mail', or(m.werkgever.contactpersoon.email)],
  ])
  layout.heading('Arbodienst')
  layout.keyValues([
    ['Naam', or(m.arbodienst.naam)],
    ['Contactpersoon', or(m.arbodienst.contactpersoon)],
    ['Telefoon', or(m.arbodienst.telefoon)],
    ['E-mail', or(m.arbodienst.email)],
  ])
  if (m.opmerkingen.length > 0) {
    layout.heading('Let op')
    for (const note of m.opmerkingen) layout.paragraph(`• ${note}`)
  }
  layout.paragraph(
    m.melding
      ? 'Dit overzicht bevat geen medische gegevens; die horen niet in de melding.'
      : 'Dit overzicht bevat geen medische gegevens; die horen niet in de melding. Leg na het melden vast wanneer en door wie is gemeld en het kenmerk van UWV.',
    { muted: true, size: 8.5 },
  )
  const header = rivHeader(exp, options.dates)
  return finishDocument(layout, {
    title: `Gegevens 42e-weeksmelding – ${header.employeeName}`,
    subject: '42e-weeksmelding (Ziektewet art. 38)',
    author: `${exp.dossier.casemanager}, casemanager`,
    header,
    producedAt: options.producedAt,
    createdAt: dossierCreatedAt(exp),
    ...(options.warn ? { warn: options.warn } : {}),
  })
}
