import { type TSchema, Type } from '@sinclair/typebox';

/** Shared wire shapes. Every object is closed: unknown request fields are refused. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(
        Type.Array(
          Type.Object({
            path: Type.Optional(Type.String()),
            message: Type.String(),
            reason: Type.Optional(Type.String()),
            i18n: Type.Optional(Type.Object({ en: Type.String(), 'zh-CN': Type.String() })),
          }),
        ),
      ),
    }),
  },
  { $id: 'ErrorResponse' },
);

export const errorResponses = (...statuses: number[]): Record<number, TSchema> =>
  Object.fromEntries(statuses.map((s) => [s, Type.Ref('ErrorResponse')]));

export const OrgSlug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$', description: 'Organization slug' });
export const Id = Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' });
export const SecretToken = Type.String({ pattern: '^[A-Za-z0-9_-]{32,128}$' });
export const PlainDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin' });
export const Instant = Type.String({ minLength: 16, maxLength: 40, description: 'ISO 8601 with offset' });

export const closed = { additionalProperties: false } as const;

export const BookingView = Type.Object({
  id: Type.String(),
  status: Type.String(),
  service: Type.Object({ id: Type.String(), name: Type.String(), durationMin: Type.Integer() }),
  staff: Type.Object({ id: Type.String(), name: Type.String() }),
  start: Type.String(),
  end: Type.String(),
  timeZone: Type.String(),
  customer: Type.Union([
    Type.Object({ name: Type.String(), email: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
  notes: Type.Union([Type.String(), Type.Null()]),
  assignment: Type.Union([Type.Object({ rule: Type.String(), explanation: Type.String() }), Type.Null()]),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
