/**
 * The insurer policy profiles (poortwachter-domain.md §6; seeds 000–003). `wettelijk` is the
 * statutory baseline without an insurer contract. What each profile means is data:
 * src/shared/rules/profiles/ (docs/timeline-contract.md, ADR 0013).
 */
export const POLICY_PROFILE_IDS = [
  'wettelijk',
  'amersfoortse-ontzorgmanager',
  'asr-reintegratiemanager',
  'goudse-op-maat',
  'asr-mkb-verzuim-ontzorg',
] as const

export type PolicyProfileId = (typeof POLICY_PROFILE_IDS)[number]

export const POLICY_PROFILE_LABELS: Record<PolicyProfileId, string> = {
  wettelijk: 'Wettelijk (geen verzekeraar)',
  'amersfoortse-ontzorgmanager': 'De Amersfoortse – Ontzorgmanager',
  'asr-reintegratiemanager': 'a.s.r. – Re-integratiemanager',
  'goudse-op-maat': 'De Goudse – Verzuimverzekering Op Maat',
  'asr-mkb-verzuim-ontzorg': 'a.s.r. – MKB Verzuim-ontzorgverzekering',
}
