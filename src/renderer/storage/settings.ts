import { z } from 'zod'
import { LockedError } from './crypto/vault'
import type { HervatDb } from './db'

/** User settings kept on this computer (not synced): notifications for deadlines. */
export const settingsSchema = z.object({
  notifyEnabled: z.boolean().default(true),
  /** Warn about deadlines due within this many days. */
  notifyDaysAhead: z.number().int().min(1).max(60).default(7),
  /** The day the last deadline notification was shown (one a day at most). */
  lastNotifiedOn: z.string().optional(),
  /** Who works on this computer: the name the audit trail records (NEN 7513 "wie"). Sealed. */
  userName: z.string().trim().max(200).optional(),
  /** Lock the app after this many minutes without keyboard or mouse (docs/adr/0006). */
  lockAfterMinutes: z.number().int().min(1).max(240).default(15),
  /** The last column mapping per import kind, with the header it was made for (column names only). */
  importMappings: z
    .record(
      z.string(),
      z.object({
        header: z.array(z.string().max(200)).max(200),
        mapping: z.record(z.string(), z.number().int().min(-1)),
      }),
    )
    .default({}),
})
export type Settings = z.output<typeof settingsSchema>

const KEY = 'settings'
/**
 * The user's name is personal data, needed only while unlocked (audit entries, the Gegevens
 * page): since v10 it lies in sealed `sealedMeta`, not in plaintext `meta` (docs/adr/0006).
 */
export const USER_NAME_KEY = 'settings.userName'

/**
 * The casemanager entered on the last new dossier, the next one's default: a name, so sealed
 * (earlier versions kept it in plaintext localStorage, docs/adr/0008).
 */
export const LAST_CASEMANAGER_KEY = 'settings.lastCasemanager'

/** The casemanager's name from sealed storage. Inside a transaction, include `db.sealedMeta`. */
export async function userNameOf(db: HervatDb): Promise<string | undefined> {
  const value = (await db.sealedMeta.get(USER_NAME_KEY))?.value
  return typeof value === 'string' && value !== '' ? value : undefined
}

/**
 * Settings: the ones needed before unlock (the idle lock time among them) in plaintext `meta`,
 * the user's name sealed. Locked, `get` gives the plaintext settings without the name; `update`
 * needs an unlocked database.
 */
export function settingsRepository(db: HervatDb) {
  const get = async (): Promise<Settings> => {
    const row = await db.meta.get(KEY)
    const userName = await userNameOf(db).catch((e: unknown) => {
      if (e instanceof LockedError) return undefined
      throw e
    })
    const { userName: _plain, ...stored } = (row?.value ?? {}) as Record<string, unknown>
    const parsed = settingsSchema.safeParse({ ...stored, ...(userName ? { userName } : {}) })
    return parsed.success ? parsed.data : settingsSchema.parse({})
  }
  return {
    get,
    /** The casemanager of the last new dossier ('' when none); needs an unlocked database. */
    lastCasemanager: async (): Promise<string> => {
      const value = (await db.sealedMeta.get(LAST_CASEMANAGER_KEY))?.value
      return typeof value === 'string' ? value : ''
    },
    rememberCasemanager: async (name: string): Promise<void> => {
      const trimmed = name.trim().slice(0, 200)
      if (trimmed) await db.sealedMeta.put({ key: LAST_CASEMANAGER_KEY, value: trimmed })
      else await db.sealedMeta.delete(LAST_CASEMANAGER_KEY)
    },
    update: (patch: Partial<Settings>): Promise<Settings> =>
      db.transaction('rw', [db.meta, db.sealedMeta], async () => {
        const next = settingsSchema.parse({ ...(await get()), ...patch })
        const { userName, ...plain } = next
        await db.meta.put({ key: KEY, value: plain })
        if (userName) await db.sealedMeta.put({ key: USER_NAME_KEY, value: userName })
        else await db.sealedMeta.delete(USER_NAME_KEY)
        return next
      }),
  }
}
