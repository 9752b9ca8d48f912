/**
 * The SQL of one group commit (group-commit.ts, apply-group.ts): what a group reads and writes,
 * each in one statement, and the access grants written after it.
 */

/**
 * Everything a group needs, read in one statement under the lock: known change ids (`i`), record
 * scopes (`s`), dossier access (`a`), field winners (`w`) and conflicts (`c`), and the pushing
 * devices (`u`). The devices part also stamps `last_seen_at`, and returns only devices that are
 * not revoked and whose user is not disabled, with the user's current role and organisation.
 */
export const READ_GROUP = `
WITH devs AS (
    UPDATE devices d SET last_seen_at = now() FROM users u
    WHERE u.id = d.user_id AND d.id = ANY($8::text[])
      AND d.revoked_at IS NULL AND NOT u.disabled
    RETURNING d.id, d.user_id, u.role, u.organisation_id)
SELECT 'i' AS k, c.change_id AS a, NULL AS b, NULL AS c, NULL AS d, NULL AS e, NULL AS f, NULL AS g
  FROM changes c WHERE c.change_id = ANY($1::text[])
UNION ALL SELECT 's', s.table_name, s.record_id, s.organisation_id, s.dossier_id, s.created_by, NULL, NULL
  FROM unnest($2::text[], $3::text[]) AS x(t, r)
  JOIN record_scope s ON s.table_name = x.t AND s.record_id = x.r
UNION ALL SELECT 'a', a.dossier_id, a.organisation_id, a.casemanager_id, NULL, NULL, NULL, NULL
  FROM dossier_access a WHERE a.dossier_id = ANY($4::text[])
UNION ALL SELECT 'w', s.table_name, s.record_id, s.field, s.value, s.hlc, s.base_hlc, s.change_id
  FROM unnest($5::text[], $6::text[], $7::text[]) AS x(t, r, f)
  JOIN field_state s ON s.table_name = x.t AND s.record_id = x.r AND s.field = x.f
UNION ALL SELECT 'c', s.table_name, s.record_id, s.field, s.value, s.hlc, s.base_hlc, s.change_id
  FROM unnest($5::text[], $6::text[], $7::text[]) AS x(t, r, f)
  JOIN conflicts s ON s.table_name = x.t AND s.record_id = x.r AND s.field = x.f
UNION ALL SELECT 'u', id, user_id, role, organisation_id, NULL, NULL, NULL FROM devs
UNION ALL SELECT 'e', (fs.value::jsonb #>> '{}'), fs.record_id, a.organisation_id, a.casemanager_id,
    NULL, NULL, NULL
  FROM field_state fs JOIN dossier_access a ON a.dossier_id = fs.record_id
  WHERE fs.table_name = 'dossiers' AND fs.field = 'employeeId'
    AND (fs.value::jsonb #>> '{}') = ANY($9::text[])`

/**
 * Everything a group writes, in one statement. The data-modifying parts touch different rows
 * (a conflict is either removed or added), and the log insert assigns `seq` in push order.
 */
export const WRITE_GROUP = `
WITH ns AS (
    INSERT INTO record_scope (table_name, record_id, organisation_id, dossier_id, created_by)
    SELECT x.t, x.r, x.o, x.d, x.c FROM jsonb_to_recordset($1::text::jsonb)
      AS x(t text, r text, d text, o text, c text)),
  na AS (
    INSERT INTO dossier_access (dossier_id, organisation_id, casemanager_id)
    SELECT x.d, x.o, x.u FROM jsonb_to_recordset($2::text::jsonb) AS x(d text, o text, u text)),
  fw AS (
    INSERT INTO field_state (table_name, record_id, field, value, hlc, base_hlc, change_id)
    SELECT x.t, x.r, x.f, x.v, x.h, x.b, x.id FROM jsonb_to_recordset($3::text::jsonb)
      AS x(t text, r text, f text, v text, h text, b text, id text)
    ON CONFLICT (table_name, record_id, field) DO UPDATE SET value = excluded.value,
      hlc = excluded.hlc, base_hlc = excluded.base_hlc, change_id = excluded.change_id),
  cr AS (
    DELETE FROM conflicts s USING unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS x(t, r, f, h)
    WHERE s.table_name = x.t AND s.record_id = x.r AND s.field = x.f AND s.hlc = x.h),
  ca AS (
    INSERT INTO conflicts (table_name, record_id, field, hlc, value, base_hlc, change_id, dossier_id, organisation_id)
    SELECT x.t, x.r, x.f, x.h, x.v, x.b, x.id, x.d, x.o FROM jsonb_to_recordset($8::text::jsonb)
      AS x(t text, r text, f text, h text, v text, b text, id text, d text, o text)),
  ins AS (
    INSERT INTO changes (change_id, organisation_id, dossier_id, table_name, record_id, field, value, hlc, base_hlc, user_id, device_id)
    SELECT x.id, x.o, x.d, x.t, x.r, x.f, x.v, x.h, x.b, x.u, x.dev
    FROM jsonb_to_recordset($9::text::jsonb)
      AS x(n int, id text, o text, d text, t text, r text, f text, v text, h text, b text, u text, dev text)
    ORDER BY x.n
    RETURNING seq)
SELECT coalesce((SELECT max(seq) FROM ins), (SELECT max(seq) FROM changes), 0) AS head`

/**
 * Access grants (ADR 0003): run after WRITE_GROUP in the same locked transaction, so each grant's
 * seq is above every change of the group and below every later one.
 */
export const INSERT_GRANTS = `
INSERT INTO access_grants (user_id, dossier_id, seq)
SELECT x.u, x.d, nextval(pg_get_serial_sequence('changes', 'seq'))
FROM jsonb_to_recordset($1::text::jsonb) AS x(u text, d text)`

/**
 * The signatures (document, role) of the document versions a group changes the content of, with
 * the dossier each signature belongs to (`record_scope`), so a signature elsewhere cannot lock a
 * version (index `field_state_signature_document`, migration 4).
 */
export const READ_SIGNATURES = `
SELECT (d.value::jsonb #>> '{}') AS doc, (r.value::jsonb #>> '{}') AS role, s.dossier_id
FROM field_state d
JOIN field_state r ON r.table_name = 'documentSignatures' AND r.record_id = d.record_id
  AND r.field = 'role'
JOIN record_scope s ON s.table_name = 'documentSignatures' AND s.record_id = d.record_id
WHERE d.table_name = 'documentSignatures' AND d.field = 'documentId'
  AND (d.value::jsonb #>> '{}') = ANY($1::text[])`

/**
 * A removal of an append-only record's text (AVG art. 16/17, docs/adr/0009): every copy of the
 * field's earlier value on the server (its log and its conflict records) becomes the removal's
 * value, so neither a later pull nor a new device ever receives the removed text. Arrays: table,
 * record, field; $4 the JSON of the removed-text value.
 */
export const PURGE_REMOVED = `
WITH lg AS (
    UPDATE changes c SET value = $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS x(t, r, f)
    WHERE c.table_name = x.t AND c.record_id = x.r AND c.field = x.f AND c.value <> $4)
UPDATE conflicts s SET value = $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS x(t, r, f)
WHERE s.table_name = x.t AND s.record_id = x.r AND s.field = x.f AND s.value <> $4`
