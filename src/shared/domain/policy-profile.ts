/**
 * The insurer policy profiles (poortwachter-domain.md §6; seeds 000, 001, 003).
 * `wettelijk` is the statutory baseline without an insurer contract.
 */
export const POLICY_PROFILE_IDS = [
  'wettelijk',
  'amersfoortse-ontzorgmanager',
  'asr-reintegratiemanager',
  'goudse-op-maat',
] as const

export type PolicyProfileId = (typeof POLICY_PROFILE_IDS)[number]

export const POLICY_PROFILE_LABELS: Record<PolicyProfileId, string> = {
  wettelijk: 'Wettelijk (geen verzekeraar)',
  'amersfoortse-ontzorgmanager': 'De Amersfoortse – Ontzorgmanager',
  'asr-reintegratiemanager': 'a.s.r. – Re-integratiemanager',
  'goudse-op-maat': 'De Goudse – Verzuimverzekering Op Maat',
}
