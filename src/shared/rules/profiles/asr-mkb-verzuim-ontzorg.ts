import { since } from './define'
import type { PolicyProfile } from './types'

const noTerm = since(null, 'seed 002: geen meldtermijn')
const unconditional = since(false, 'seed 002: de poortwachtergarantie zonder voorwaarden')

/** a.s.r., MKB Verzuim-ontzorgverzekering (seed 002; services list KNMT 2024, seed 004). */
export const ASR_MKB_VERZUIM_ONTZORG: PolicyProfile = {
  id: 'asr-mkb-verzuim-ontzorg',
  product: 'MKB Verzuim-ontzorgverzekering',
  insurer: 'a.s.r.',
  conditions: 'seed 002',
  arboReportDays: since(
    6,
    'seed 002 noemt geen termijn; Regeling procesgang art. 2 lid 1, praktijk: binnen een week',
  ),
  reportTerms: {
    'melding-arbodienst': noTerm,
    ziekmelding: noTerm,
    wijziging: noTerm,
    herstelmelding: noTerm,
    loonsanctie: noTerm,
  },
  guarantee: {
    offered: since(true, 'seed 002'),
    onlyWhenOnPolicy: since(false, 'seed 002'),
    preExistingSickness: since(
      null,
      'seed 002: de ingangsdatum geldt alleen voor de interventiekosten',
    ),
    grounds: {
      'module-ended': since(true, 'seed 002'),
      'services-suspended': unconditional,
      'information-late': unconditional,
      'no-cooperation': unconditional,
      'advice-not-followed': unconditional,
      'guarantee-withdrawn': since(true, 'seed 002'),
      'voluntary-extension': unconditional,
      'sanction-handling': unconditional,
      'other-breach': unconditional,
    },
  },
  arboTakeoverDays: since(null, 'seed 002: de arbodienst begeleidt vanaf de ziekmelding'),
  ontzorgmanagerFromDays: since(
    7,
    'seed 002: vanaf de tweede ziekteweek bij kans op langdurig verzuim',
  ),
  relapsePrevention: since(
    { absentMonths: 3, backAtWorkMonths: 6 },
    'seed 002 (terugvalpreventie); seed 004',
  ),
  noShow: since(
    { cancellationHours: 24, charged: true },
    'seed 004: no-shows (niet binnen 24 uur afgemeld) vallen niet onder de module (*)',
  ),
  interventionsFromModuleStart: since(true, 'seed 002 (Interventiekostenvergoeding)'),
  exclusions: since(
    [
      'Risico-inventarisatie en -evaluatie (RI&E)',
      'Preventief medisch onderzoek (PMO)',
      'Periodiek arbeidsgezondheidskundig onderzoek (PAGO)',
      'Keuring',
      'Cursus preventiemedewerker',
    ],
    'seed 002 (Wat wordt niet vergoed?)',
  ),
}
