import { since } from './define'
import type { PolicyProfile } from './types'

const noTerm = since(null, 'seed 001 art. 4.1: geen meldtermijn')
const notAGround = since(false, 'seed 001: geen vervalgrond van de poortwachtergarantie')

/** a.s.r., Voorwaarden Re-integratiemanager (seed 001; domain §6, RIM rules). */
export const ASR_REINTEGRATIEMANAGER: PolicyProfile = {
  id: 'asr-reintegratiemanager',
  product: 'Re-integratiemanager',
  insurer: 'a.s.r.',
  conditions: 'seed 001',
  arboReportDays: since(
    6,
    'seed 001 art. 4.1 noemt geen termijn; Regeling procesgang art. 2 lid 1, praktijk: binnen een week',
  ),
  reportTerms: {
    'melding-arbodienst': noTerm,
    ziekmelding: noTerm,
    wijziging: noTerm,
    herstelmelding: noTerm,
    loonsanctie: noTerm,
  },
  guarantee: {
    offered: since(true, 'seed 001 art. 3.5'),
    onlyWhenOnPolicy: since(true, 'seed 001 art. 3.5'),
    preExistingSickness: since(
      { test: 'first-sick-day-before', dates: ['moduleStart'] },
      'seed 001 art. 3.2',
    ),
    grounds: {
      'module-ended': since(true, 'seed 001 art. 2.5'),
      'services-suspended': since(true, 'seed 001 art. 5.3'),
      'information-late': since(true, 'seed 001 art. 4.2'),
      'no-cooperation': since(true, 'seed 001 art. 4.2'),
      'advice-not-followed': since(true, 'seed 001 art. 4.2'),
      'guarantee-withdrawn': since(true, 'seed 001 art. 4.2'),
      'voluntary-extension': notAGround,
      'sanction-handling': notAGround,
      'other-breach': since(true, 'seed 001 art. 3.5'),
    },
  },
  arboTakeoverDays: since(null, 'seed 001: de casemanager begeleidt vanaf de ziekmelding'),
  ontzorgmanagerFromDays: since(null, 'seed 001: geen Ontzorgmanager'),
  relapsePrevention: since(null, 'seed 001: geen terugvalpreventie'),
  noShow: since(null, 'seed 001: geen annuleringsregel (die van de arbodienst geldt)'),
  interventionsFromModuleStart: since(true, 'seed 001 art. 3.2'),
  exclusions: since([], 'seed 001: geen uitgesloten diensten genoemd'),
}
