import { Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** A customer as the desk sees them; an erased one has empty name and email and `erased: true`. */
export const CustomerSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  phone: Nullable(Type.String()),
  erased: Type.Boolean(),
});

export const CustomerItem = Type.Object({ ...CustomerSummary.properties, bookingCount: Type.Integer() });

/** One booking on the staff calendar. `notes` is sent only to callers who may read health notes. */
export const BookingItem = Type.Object({
  id: Type.String(),
  status: Type.String(),
  serviceId: Type.String(),
  serviceName: Type.String(),
  staffId: Type.String(),
  staffName: Type.String(),
  start: Type.String({ description: 'ISO 8601 with the offset of the requested zone' }),
  end: Type.String(),
  seats: Type.Integer(),
  capacity: Type.Integer(),
  createdAt: Type.String(),
  customer: CustomerSummary,
  notes: Type.Optional(Nullable(Type.String())),
});

export const BookingDetail = Type.Object({
  ...BookingItem.properties,
  timeZone: Type.String(),
  history: Type.Array(
    Type.Object({ at: Type.String(), type: Type.String(), actor: Type.String(), note: Nullable(Type.String()) }),
  ),
});
