/** Dutch words for the rule core's milestone statuses and severities (never the keys on screen). */
export const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  'due-soon': 'Binnenkort',
  overdue: 'Te laat',
  done: 'Gedaan',
  'done-late': 'Te laat gedaan',
  'not-applicable': 'Niet van toepassing',
  waived: 'Vervallen (gemotiveerd)',
}

export const SEVERITY_LABELS: Record<string, string> = {
  law: 'Wet',
  'uwv-policy': 'UWV-beleid',
  practice: 'Praktijk',
  contract: 'Polis',
}
