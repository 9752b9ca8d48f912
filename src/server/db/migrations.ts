import type { Db } from './db'

/**
 * Numbered, append-only, transactional migrations (style.md rule 8). Each runs in its own
 * transaction together with its row in `schema_migrations`. The server refuses to start when the
 * database holds a version this code does not know, or a name that differs from ours.
 */

export type Migration = { readonly version: number; readonly name: string; readonly sql: string }

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts-and-sync-log',
    sql: `
CREATE TABLE organisations (
  id text PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE users (
  id text PRIMARY KEY, organisation_id text NOT NULL REFERENCES organisations(id),
  email text NOT NULL UNIQUE, name text NOT NULL,
  role text NOT NULL CHECK (role IN ('casemanager', 'teamleider', 'beheerder')),
  password_hash text NOT NULL, disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE devices (
  id text PRIMARY KEY, user_id text NOT NULL REFERENCES users(id), name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), last_seen_at timestamptz, revoked_at timestamptz);
CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY, device_id text NOT NULL REFERENCES devices(id),
  expires_at timestamptz NOT NULL, used_at timestamptz);
CREATE TABLE dossier_access (
  dossier_id text PRIMARY KEY, organisation_id text NOT NULL REFERENCES organisations(id),
  casemanager_id text NOT NULL REFERENCES users(id), updated_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX dossier_access_by_user ON dossier_access (casemanager_id);
CREATE TABLE record_scope (
  table_name text NOT NULL, record_id text NOT NULL, organisation_id text NOT NULL,
  dossier_id text, PRIMARY KEY (table_name, record_id));
CREATE TABLE changes (
  seq bigserial PRIMARY KEY, change_id text NOT NULL UNIQUE, organisation_id text NOT NULL,
  dossier_id text, table_name text NOT NULL, record_id text NOT NULL, field text NOT NULL,
  value text NOT NULL, hlc text NOT NULL, base_hlc text, user_id text NOT NULL,
  device_id text NOT NULL, received_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX changes_by_org ON changes (organisation_id, seq);
CREATE INDEX changes_by_dossier ON changes (dossier_id, seq);
CREATE TABLE field_state (
  table_name text NOT NULL, record_id text NOT NULL, field text NOT NULL, value text NOT NULL,
  hlc text NOT NULL, base_hlc text, change_id text NOT NULL,
  PRIMARY KEY (table_name, record_id, field));
CREATE TABLE conflicts (
  table_name text NOT NULL, record_id text NOT NULL, field text NOT NULL, hlc text NOT NULL,
  value text NOT NULL, base_hlc text, change_id text NOT NULL, dossier_id text,
  organisation_id text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (table_name, record_id, field, hlc));
CREATE TABLE blobs (
  organisation_id text NOT NULL, sha256 text NOT NULL, size integer NOT NULL,
  content bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, sha256));
`,
  },
  {
    // Issue 5: a casemanager sees a werknemer only through an assigned dossier (ADR 0003).
    version: 2,
    name: 'employee-visibility-and-access-grants',
    sql: `
ALTER TABLE record_scope ADD COLUMN created_by text;
CREATE INDEX field_state_dossier_employee ON field_state ((value::jsonb #>> '{}'), record_id)
  WHERE table_name = 'dossiers' AND field = 'employeeId';
CREATE INDEX changes_by_record ON changes (table_name, record_id, seq);
CREATE TABLE access_grants (
  user_id text NOT NULL, dossier_id text NOT NULL, seq bigint NOT NULL,
  PRIMARY KEY (user_id, seq, dossier_id));
`,
  },
  {
    // A dossier reassigned away leaves the previous casemanager's devices (ADR 0003, revocations).
    version: 3,
    name: 'access-revocations',
    sql: `
CREATE TABLE access_revocations (
  user_id text NOT NULL, dossier_id text NOT NULL, seq bigint NOT NULL,
  PRIMARY KEY (user_id, seq, dossier_id));
`,
  },
  {
    // A push may not change a document version both parties signed: its signatures by document.
    version: 4,
    name: 'signature-by-document',
    sql: `
CREATE INDEX field_state_signature_document ON field_state ((value::jsonb #>> '{}'), record_id)
  WHERE table_name = 'documentSignatures' AND field = 'documentId';
`,
  },
  {
    // The login limit across server processes, and lockout notices for the beheerder (ADR 0012).
    version: 5,
    name: 'login-limit',
    sql: `
CREATE TABLE login_attempts (
  key text PRIMARY KEY, failures integer NOT NULL, lockouts integer NOT NULL DEFAULT 0,
  last_at timestamptz NOT NULL, locked_until timestamptz);
CREATE TABLE login_lockouts (
  id bigserial PRIMARY KEY, organisation_id text NOT NULL REFERENCES organisations(id),
  user_id text NOT NULL REFERENCES users(id), locked_until timestamptz NOT NULL,
  failures integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX login_lockouts_by_org ON login_lockouts (organisation_id, id);
`,
  },
]

export class SchemaStateError extends Error {}

const LOCK = 'SELECT pg_advisory_xact_lock(727001)'

export async function migrate(
  db: Db,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  )
  const applied: number[] = []
  for (const m of migrations) {
    const done = await db.tx(async (q) => {
      await q.query(LOCK)
      const rows = await q.query('SELECT version, name FROM schema_migrations ORDER BY version')
      checkKnown(rows, migrations)
      if (rows.some((r) => Number(r.version) === m.version)) return false
      const max = rows.reduce((a, r) => Math.max(a, Number(r.version)), 0)
      if (max !== m.version - 1)
        throw new SchemaStateError(`Migratie ${m.version} buiten volgorde.`)
      for (const stmt of m.sql.split(/;\s*\n/).filter((s) => s.trim())) await q.query(stmt)
      await q.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ])
      return true
    })
    if (done) applied.push(m.version)
  }
  return applied
}

function checkKnown(rows: Record<string, unknown>[], migrations: readonly Migration[]): void {
  for (const r of rows) {
    const known = migrations.find((m) => m.version === Number(r.version))
    if (!known || known.name !== r.name) {
      throw new SchemaStateError(
        `Onbekende schemaversie ${String(r.version)} (${String(r.name)}); deze server is ouder dan de database.`,
      )
    }
  }
}
