import { since } from './define'
import type { PolicyProfile } from './types'

const NONE = 'Wettelijk profiel: geen verzekeraarsvoorwaarden'
const noTerm = since(null, NONE)
const noGround = since(false, NONE)

/** The law alone, without an insurer's product (domain §2, §6). */
export const WETTELIJK: PolicyProfile = {
  id: 'wettelijk',
  product: 'Wettelijk (geen verzekeraar)',
  insurer: null,
  conditions: null,
  arboReportDays: since(
    6,
    'Regeling procesgang art. 2 lid 1 ("tijdig"); praktijk: binnen een week (domein §2.2)',
    '2002-04-01',
  ),
  reportTerms: {
    'melding-arbodienst': noTerm,
    ziekmelding: noTerm,
    wijziging: noTerm,
    herstelmelding: noTerm,
    loonsanctie: noTerm,
  },
  guarantee: {
    offered: noGround,
    onlyWhenOnPolicy: noGround,
    preExistingSickness: noTerm,
    grounds: {
      'module-ended': noGround,
      'services-suspended': noGround,
      'information-late': noGround,
      'no-cooperation': noGround,
      'advice-not-followed': noGround,
      'guarantee-withdrawn': noGround,
      'voluntary-extension': noGround,
      'sanction-handling': noGround,
      'other-breach': noGround,
    },
  },
  arboTakeoverDays: noTerm,
  ontzorgmanagerFromDays: noTerm,
  relapsePrevention: noTerm,
  noShow: noTerm,
  interventionsFromModuleStart: noGround,
  exclusions: since([], NONE),
}
