import type { Transaction } from 'dexie'

type WithAddress = { address?: { postcode?: string } }

/** `3811ab` or `3811AB` → `3811 AB`; anything else is left as it was. */
export function normalisePostcode(value: string | undefined): string | undefined {
  if (!value) return value
  const compact = value.replace(/\s/g, '').toUpperCase()
  return /^[1-9]\d{3}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : value
}

/**
 * v1 → v2. Version 1 stored postcodes as typed; from v2 every postcode is `1234 AB` (the shared
 * schema's canonical form), so search and exports see one notation. The new table and index
 * need no data.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  for (const table of ['employers', 'employees'] as const) {
    await tx
      .table<WithAddress>(table)
      .toCollection()
      .modify((row) => {
        if (row.address?.postcode) row.address.postcode = normalisePostcode(row.address.postcode)
      })
  }
}
