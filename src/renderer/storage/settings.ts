import { z } from 'zod'
import type { HervatDb } from './db'

/** User settings kept on this computer (not synced): notifications for deadlines. */
export const settingsSchema = z.object({
  notifyEnabled: z.boolean().default(true),
  /** Warn about deadlines due within this many days. */
  notifyDaysAhead: z.number().int().min(1).max(60).default(7),
  /** The day the last deadline notification was shown (one a day at most). */
  lastNotifiedOn: z.string().optional(),
  /** Who works on this computer: the name the audit trail records (NEN 7513 "wie"). */
  userName: z.string().trim().max(200).optional(),
  /** Lock the app after this many minutes without keyboard or mouse (docs/adr/0006). */
  lockAfterMinutes: z.number().int().min(1).max(240).default(15),
})
export type Settings = z.output<typeof settingsSchema>

const KEY = 'settings'

export function settingsRepository(db: HervatDb) {
  const get = async (): Promise<Settings> => {
    const row = await db.meta.get(KEY)
    const parsed = settingsSchema.safeParse(row?.value ?? {})
    return parsed.success ? parsed.data : settingsSchema.parse({})
  }
  return {
    get,
    update: async (patch: Partial<Settings>): Promise<Settings> => {
      const next = settingsSchema.parse({ ...(await get()), ...patch })
      await db.meta.put({ key: KEY, value: next })
      return next
    },
  }
}
