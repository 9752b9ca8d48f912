/** OpenAPI 3.1 description of /api/v1, served at GET /openapi.json. */

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: unknown): unknown => ({ content: { 'application/json': { schema } } })
const errors = {
  '400': {
    description: 'Ongeldig verzoek (veld genoemd in error.field)',
    ...(json(ref('Error')) as object),
  },
  '401': { description: 'Geen of ongeldig token', ...(json(ref('Error')) as object) },
  '403': { description: 'Buiten je rechten', ...(json(ref('Error')) as object) },
  '409': {
    description:
      'Niet toegestaan op dit record: append-only, of een documentversie die werkgever en werknemer ondertekenden (signed-version)',
    ...(json(ref('Error')) as object),
  },
}
const op = (summary: string, body: unknown, response: unknown, extra: object = {}): unknown => ({
  summary,
  security: [{ bearer: [] }],
  ...(body ? { requestBody: { required: true, ...(json(body) as object) } } : {}),
  responses: { '200': { description: 'OK', ...(json(response) as object) }, ...errors },
  ...extra,
})
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)): unknown => ({
  type: 'object',
  properties,
  required,
})
const str = { type: 'string' }
const int = { type: 'integer' }

export const OPENAPI = {
  openapi: '3.1.0',
  info: { title: 'Hervat sync server', version: '1.0.0' },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    schemas: {
      Error: obj({ error: obj({ code: str, message: str, field: str }, ['code', 'message']) }),
      Change: obj({
        id: str,
        table: {
          enum: [
            'employers',
            'employees',
            'dossiers',
            'sickPeriods',
            'partialRecoveries',
            'leaves',
            'contacts',
            'interventions',
            'appointments',
            'attachments',
            'milestoneMarks',
            'audit',
          ],
        },
        recordId: str,
        dossierId: { type: ['string', 'null'] },
        field: str,
        value: {},
        hlc: { type: 'string', pattern: '^\\d{15}-\\d{5}-[A-Za-z0-9_]{1,64}$' },
        baseHlc: { type: ['string', 'null'] },
      }),
      Tokens: obj({
        accessToken: str,
        refreshToken: str,
        expiresIn: int,
        deviceId: str,
        user: { type: 'object' },
      }),
    },
  },
  paths: {
    '/auth/login': {
      post: {
        ...(op(
          'Inloggen; registreert een apparaat',
          obj({ email: str, password: str, deviceName: str }),
          ref('Tokens'),
        ) as object),
        security: [],
      },
    },
    '/auth/refresh': {
      post: {
        ...(op('Token vernieuwen (rotatie)', obj({ refreshToken: str }), ref('Tokens')) as object),
        security: [],
      },
    },
    '/me': { get: op('Huidige gebruiker', null, { type: 'object' }) },
    '/users': {
      get: op('Gebruikers van de organisatie (teamleider, beheerder)', null, { type: 'object' }),
      post: op(
        'Gebruiker aanmaken (beheerder)',
        obj({
          email: str,
          name: str,
          role: { enum: ['casemanager', 'teamleider', 'beheerder'] },
          password: str,
        }),
        { type: 'object' },
      ),
    },
    '/devices': { get: op('Apparaten', null, { type: 'object' }) },
    '/devices/{id}/revoke': { post: op('Apparaat intrekken', null, obj({ revoked: str })) },
    '/dossiers/{id}/assignment': {
      put: op(
        'Dossier toewijzen (teamleider, beheerder)',
        obj({ casemanagerId: str }),
        obj({ dossierId: str, casemanagerId: str }),
      ),
    },
    '/dossiers/{id}/conflicts': {
      get: op('Conflictrecords van een dossier', null, { type: 'object' }),
    },
    '/sync/push': {
      post: op(
        'Wijzigingen aanbieden (idempotent per change id)',
        obj({ changes: { type: 'array', items: ref('Change'), maxItems: 5000 } }),
        obj({ accepted: int, duplicates: int, conflicts: int, headSeq: int }),
      ),
    },
    '/sync/pull': {
      get: op(
        'Wijzigingen sinds cursor (gepagineerd)',
        null,
        obj(
          {
            changes: { type: 'array', items: ref('Change') },
            cursor: int,
            hasMore: { type: 'boolean' },
            headSeq: int,
            total: int,
            revoked: {
              type: 'array',
              items: str,
              description:
                'Dossiers (ids) die deze gebruiker na de cursor kwijtraakte (toegewezen aan een andere casemanager) en nu niet opnieuw heeft: de client verwijdert ze met alles wat erbij hoort van het apparaat. Leeg voor teamleider en beheerder en op een pagina met hasMore.',
            },
          },
          ['changes', 'cursor', 'hasMore', 'headSeq', 'revoked'],
        ),
        {
          parameters: [
            { name: 'cursor', in: 'query', schema: int },
            { name: 'limit', in: 'query', schema: int },
            { name: 'dossierId', in: 'query', schema: str },
          ],
        },
      ),
    },
    '/blobs/missing': {
      post: op(
        'Welke bijlagen ontbreken',
        obj({ sha256: { type: 'array', items: str } }),
        obj({ missing: { type: 'array', items: str } }),
      ),
    },
    '/blobs/{sha256}': {
      put: op(
        'Bijlage uploaden (application/octet-stream)',
        null,
        obj({ sha256: str, stored: { type: 'boolean' } }),
      ),
      get: op('Bijlage ophalen', null, { type: 'string', format: 'binary' }),
    },
  },
} as const
