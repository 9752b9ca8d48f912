import { since } from './define'
import type { PolicyProfile } from './types'

const fourDays = { unit: 'calendar-days', count: 4 } as const
const recoveryChannel = since(
  null,
  'seed 003 art. 4.1: (deel)herstelmeldingen via de online applicatie, zonder termijn',
)

/** De Goudse, Arbo- en verzuimbegeleiding Op Maat (seed 003; domain §6, GOU rules). */
export const GOUDSE_OP_MAAT: PolicyProfile = {
  id: 'goudse-op-maat',
  product: 'Arbo- en verzuimbegeleiding Op Maat',
  insurer: 'De Goudse',
  conditions: 'seed 003',
  arboReportDays: since(4, 'seed 003 art. 4.1'),
  reportTerms: {
    'melding-arbodienst': since(fourDays, 'seed 003 art. 4.1, 4.2'),
    ziekmelding: since(fourDays, 'seed 003 art. 4.1, 4.2'),
    wijziging: recoveryChannel,
    herstelmelding: recoveryChannel,
    loonsanctie: since({ unit: 'working-days', count: 5 }, 'seed 003 art. 2.3.3'),
  },
  guarantee: {
    offered: since(true, 'seed 003 art. 2.3'),
    onlyWhenOnPolicy: since(false, 'seed 003 art. 2.3'),
    preExistingSickness: since(
      { test: 'sick-on', dates: ['moduleStart', 'employmentStart'] },
      'seed 003 art. 2.3.4',
    ),
    grounds: {
      'module-ended': since(true, 'seed 003 art. 1.5, 2.3.3'),
      'services-suspended': since(true, 'seed 003 art. 2.3.3'),
      'information-late': since(true, 'seed 003 art. 4.1, 4.2'),
      'no-cooperation': since(true, 'seed 003 art. 4.1, 4.2'),
      'advice-not-followed': since(true, 'seed 003 art. 2.3.3'),
      'guarantee-withdrawn': since(true, 'seed 003 art. 2.3.3'),
      'voluntary-extension': since(true, 'seed 003 art. 2.3.3'),
      'sanction-handling': since(true, 'seed 003 art. 2.3.3'),
      'other-breach': since(true, 'seed 003 art. 2.3.3'),
    },
  },
  arboTakeoverDays: since(28, 'seed 003 art. 2.1, 2.3.3'),
  ontzorgmanagerFromDays: since(null, 'seed 003: geen Ontzorgmanager'),
  relapsePrevention: since(null, 'seed 003: geen terugvalpreventie'),
  noShow: since({ cancellationHours: 24, charged: true }, 'seed 003 art. 4.1, 4.2'),
  interventionsFromModuleStart: since(
    false,
    'seed 003 art. 1.6.1: ook diensten bij ziekte op de ingangsdatum',
  ),
  exclusions: since([], 'seed 003: geen uitgesloten diensten genoemd'),
}
