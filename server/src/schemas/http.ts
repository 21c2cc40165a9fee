import { Type } from '@sinclair/typebox';
import { ReceiptSchema } from './receipt.js';

// Response and query shapes. Response schemas also serialise: a field not
// listed here can never leak into a reply.

export const AppendResponseSchema = Type.Object({
  stored: Type.Integer(),
  duplicate: Type.Integer(),
  results: Type.Array(
    Type.Object({ id: Type.String(), status: Type.Union([Type.Literal('stored'), Type.Literal('duplicate')]) }),
  ),
});

export const StoredReceiptSchema = Type.Object({
  seq: Type.Integer(),
  receipt: ReceiptSchema,
  receivedAt: Type.String(),
  prevHash: Type.String(),
  hash: Type.String(),
});

export const SubjectParamsSchema = Type.Object({
  subject: ReceiptSchema.properties.subject,
});

export const HistoryResponseSchema = Type.Object({
  subject: Type.String(),
  receipts: Type.Array(StoredReceiptSchema),
});

// A date (UTC midnight) or a date-time with a zone.
const DATE_OR_DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$';

export const ExportQuerySchema = Type.Object(
  {
    format: Type.Optional(Type.Unsafe<'jsonl' | 'csv'>({ type: 'string', enum: ['jsonl', 'csv'] })),
    from: Type.Optional(Type.String({ pattern: DATE_OR_DATE_TIME })),
    to: Type.Optional(Type.String({ pattern: DATE_OR_DATE_TIME })),
  },
  { additionalProperties: false },
);

export const ErrorResponseSchema = Type.Object({
  error: Type.String(),
  field: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
});
