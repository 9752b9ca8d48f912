import type { Db } from '../db/db'
import { HttpError } from '../http-error'
import type { Role } from './roles'
import type { AccessClaims } from './tokens'

/**
 * The device and user behind an access token, as they are now: revocation, disabling and role
 * changes take effect at once, not when the token expires. The SQL is also embedded in the
 * statements that check it in the same round trip (push's READ_GROUP, pull's page statement).
 */
export const ACTIVE_DEVICE = `SELECT u.role, u.organisation_id FROM devices d JOIN users u ON u.id = d.user_id
  WHERE d.id = $1 AND u.id = $2 AND d.revoked_at IS NULL AND NOT u.disabled`

export const revokedDevice = (): HttpError =>
  new HttpError('unauthorized', 'Dit apparaat of account is ingetrokken.')

/** The caller's current role and organisation; 401 if the device or the user was revoked. */
export async function checkDevice(db: Db, claims: AccessClaims): Promise<AccessClaims> {
  const [r] = await db.query(ACTIVE_DEVICE, [claims.deviceId, claims.userId])
  if (!r) throw revokedDevice()
  return { ...claims, role: r.role as Role, organisationId: String(r.organisation_id) }
}
