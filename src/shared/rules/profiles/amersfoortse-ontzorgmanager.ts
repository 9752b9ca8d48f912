import { since } from './define'
import type { PolicyProfile } from './types'

const notAGround = since(false, 'seed 000: geen vervalgrond van de poortwachtergarantie')
const twoDays = { unit: 'calendar-days', count: 2 } as const

/** De Amersfoortse, Voorwaarden Ontzorgmanager (seed 000; domain §6, AMF rules). */
export const AMERSFOORTSE_ONTZORGMANAGER: PolicyProfile = {
  id: 'amersfoortse-ontzorgmanager',
  product: 'Ontzorgmanager',
  insurer: 'De Amersfoortse',
  conditions: 'seed 000',
  arboReportDays: since(2, 'seed 000 art. 4.1'),
  reportTerms: {
    'melding-arbodienst': since(twoDays, 'seed 000 art. 4.1, 4.2'),
    ziekmelding: since(twoDays, 'seed 000 art. 4.1, 4.2'),
    wijziging: since(twoDays, 'seed 000 art. 3.5, 4.1'),
    herstelmelding: since(twoDays, 'seed 000 art. 3.5, 4.1'),
    loonsanctie: since(null, 'seed 000: geen meldtermijn voor een loonsanctie'),
  },
  guarantee: {
    offered: since(true, 'seed 000 art. 3.5'),
    onlyWhenOnPolicy: since(false, 'seed 000 art. 3.5'),
    preExistingSickness: since(
      { test: 'first-sick-day-before', dates: ['moduleStart'] },
      'seed 000 art. 3.2',
    ),
    grounds: {
      'module-ended': since(true, 'seed 000 art. 2.5'),
      'services-suspended': since(true, 'seed 000 art. 5.3'),
      'information-late': since(true, 'seed 000 art. 4.2'),
      'no-cooperation': since(true, 'seed 000 art. 4.2'),
      'advice-not-followed': since(true, 'seed 000 art. 4.2'),
      'guarantee-withdrawn': since(true, 'seed 000 art. 4.2'),
      'voluntary-extension': notAGround,
      'sanction-handling': notAGround,
      'other-breach': since(true, 'seed 000 art. 3.5'),
    },
  },
  arboTakeoverDays: since(null, 'seed 000: de arbodienst begeleidt vanaf de ziekmelding'),
  // The module belongs to the MKB Verzuim-ontzorgverzekering (domain §6, seed identification).
  ontzorgmanagerFromDays: since(
    7,
    'seed 000 art. 3.2; seed 002: vanaf de tweede ziekteweek bij kans op langdurig verzuim',
  ),
  relapsePrevention: since(
    { absentMonths: 3, backAtWorkMonths: 6 },
    'seed 002 (terugvalpreventie); seed 004',
  ),
  noShow: since({ cancellationHours: 24, charged: true }, 'seed 000 art. 4.3'),
  interventionsFromModuleStart: since(true, 'seed 000 art. 3.2'),
  exclusions: since([], 'seed 000: geen uitgesloten diensten genoemd'),
}
