import { useMemo } from 'react'
import { storedDocumentFacts } from '../../../shared/documents/document-facts'
import {
  dossierTimelineFromRecords,
  type DossierTimeline,
} from '../../../shared/rules/dossier-timeline'
import { today } from '../../app/today'
import type { DossierBundle } from '../../storage'

/**
 * The dossier's timeline from the rule core, computed once from all its records: deadlines,
 * clocks, the late-cancellation flag of each appointment and the wage weeks left beside each
 * intervention; the dossier's documents close the steps they fulfil. Every dossier tab reads its facts from here instead of computing its own.
 */
export function useDossierTimeline(bundle: DossierBundle): DossierTimeline | undefined {
  const now = today()
  return useMemo(
    () =>
      dossierTimelineFromRecords({
        today: now,
        profile: bundle.employer.policyProfile,
        sickPeriods: bundle.sickPeriods,
        leaves: bundle.leaves,
        marks: bundle.milestoneMarks,
        // Documents fulfil their steps (docs/adr/0010).
        documents: storedDocumentFacts(bundle.documents, bundle.documentSignatures),
        appointments: bundle.appointments,
        interventions: bundle.interventions,
        employmentEnd: bundle.employee.employmentEnd,
        loonsanctieDecisionOn: bundle.dossier.loonsanctieDecisionOn,
        moduleStartDate: bundle.employer.moduleStartDate,
        safetyNet: bundle.dossier.safetyNet,
        longTermExpectedOn: bundle.dossier.longTermExpectedOn,
        voluntaryExtensionWeeks: bundle.dossier.voluntaryExtensionWeeks,
        voluntaryExtensionRequestedOn: bundle.dossier.voluntaryExtensionRequestedOn,
      }),
    [bundle, now],
  )
}
