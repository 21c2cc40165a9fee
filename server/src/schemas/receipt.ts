import { Type, type Static } from '@sinclair/typebox';

// The one definition of a consent receipt (PRODUCT.md "Receipt"). Ajv compiles
// it for POST /receipts and TypeScript derives `Receipt` from it, so the two
// cannot drift apart. `additionalProperties: false` everywhere is the privacy
// rule: a receipt that carries `ip`, `userAgent` or a URL field is a 400.

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
// UTC only (trailing Z), so receipts from every time zone compare as text.
const ISO_UTC = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$';
// scheme://host[:port] and nothing after it: no path, query or fragment.
const ORIGIN = '^https?://(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:\\d{1,5})?$';
const CATEGORY_ID = '^[a-z][a-z0-9_-]{0,63}$';
// Free-text fields start with a letter or digit so no CSV cell opens with = + - @.
const LABEL = '^[A-Za-z0-9][A-Za-z0-9._:+/-]{0,63}$';

export const RECEIPT_SCHEMA_VERSION = 'consentry-receipt/1';
export const MAX_BATCH = 500;

const Uuid = Type.String({ pattern: UUID, maxLength: 36 });
const IsoUtc = Type.String({ pattern: ISO_UTC, format: 'date-time', maxLength: 40 });
const CategoryId = Type.String({ pattern: CATEGORY_ID });

// A plain `enum` keeps Ajv's message short ("must be equal to one of the
// allowed values") where a union of literals reports one error per literal.
function StringEnum<const T extends readonly string[]>(values: T) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}

export const BasisSchema = StringEnum(['strictly-necessary', 'consent', 'objection']);
export const ActionSchema = StringEnum(['accept-all', 'reject-all', 'custom', 'withdraw', 'object', 'gpc']);
export const MethodSchema = StringEnum(['banner', 'preferences', 'api', 'signal']);

export const ReceiptSchema = Type.Object(
  {
    schema: Type.Literal(RECEIPT_SCHEMA_VERSION),
    id: Uuid,
    subject: Uuid,
    timestamp: IsoUtc,
    site: Type.String({ pattern: ORIGIN, maxLength: 300 }),
    jurisdiction: Type.String({ pattern: '^[A-Za-z]{2}([-_][A-Za-z0-9]{1,8})?$' }),
    language: Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$', maxLength: 35 }),
    policyVersion: Type.String({ pattern: LABEL }),
    revision: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }),
    configHash: Type.String({ pattern: '^sha256-[A-Za-z0-9+/_-]{43}={0,1}$' }),
    action: ActionSchema,
    method: MethodSchema,
    granted: Type.Array(CategoryId, { maxItems: 64, uniqueItems: true }),
    denied: Type.Array(CategoryId, { maxItems: 64, uniqueItems: true }),
    bases: Type.Record(CategoryId, BasisSchema, { maxProperties: 64, additionalProperties: false }),
    signals: Type.Object({ gpc: Type.Boolean() }, { additionalProperties: false }),
    expires: IsoUtc,
  },
  { additionalProperties: false },
);

export type Receipt = Static<typeof ReceiptSchema>;
export type Basis = Static<typeof BasisSchema>;

export const ReceiptBatchSchema = Type.Array(ReceiptSchema, { minItems: 1, maxItems: MAX_BATCH });

// POST /receipts takes one receipt or a batch. if/then/else rather than anyOf:
// Ajv then reports the error of the branch that applies (`/0/granted/1`),
// not one error per branch.
export const ReceiptPostBodySchema = Type.Unsafe<Receipt | Receipt[]>({
  if: { type: 'array' },
  then: ReceiptBatchSchema,
  else: ReceiptSchema,
});
