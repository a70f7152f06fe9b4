import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { addStaffOverride } from '../../app/admin/add-date-override.js';
import { addStaffMember } from '../../app/admin/create-staff-member.js';
import { listOrgStaff } from '../../app/admin/list-org-setup.js';
import { staffHours, staffOverrides } from '../../app/admin/read-staff-schedule.js';
import { removeStaffOverride } from '../../app/admin/remove-date-override.js';
import { setStaffHours } from '../../app/admin/set-working-hours.js';
import { updateStaffMember } from '../../app/admin/update-staff-member.js';
import type { AppContext } from '../../app/ports.js';
import type { StaffProfile } from '../../domain/model.js';
import type { DateOverride, LocalInterval, StoredDateOverride, WeeklyHours } from '../../domain/slots/types.js';
import { Id, PlainDate, TimeZone, closed, errorResponses } from '../schemas.js';

// Wall-clock times on the wire are "HH:MM" (24:00 ends a day); the domain counts minutes.
const Clock = Type.String({ pattern: '^(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)$', description: 'HH:MM, 00:00 to 24:00' });
const Interval = Type.Object({ start: Clock, end: Clock }, closed);
// ISO weekdays on the wire (1 = Monday .. 7 = Sunday); the domain's are 0 = Sunday .. 6.
const Hours = Type.Object({ weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO: 1 = Monday .. 7 = Sunday' }), start: Clock, end: Clock }, closed);
const Week = Type.Object({ timeZone: Type.String(), hours: Type.Array(Hours) });
// The wire's "day_off" is the domain's "off".
const OverrideKind = Type.Union([Type.Literal('day_off'), Type.Literal('hours'), Type.Literal('extra')]);
const Override = Type.Object({
  id: Type.String(),
  date: Type.String(),
  kind: OverrideKind,
  intervals: Type.Array(Interval),
  note: Type.Union([Type.String(), Type.Null()]),
});
const NewOverride = Type.Object(
  {
    date: PlainDate,
    kind: OverrideKind,
    intervals: Type.Optional(Type.Array(Interval, { maxItems: 48 })),
    note: Type.Optional(Type.Null({ description: 'Notes on overrides are not stored yet; send null or leave out' })),
  },
  closed,
);

const Staff = Type.Object({
  id: Type.String(),
  name: Type.String(),
  timeZone: Type.String(),
  active: Type.Boolean(),
  userId: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  serviceIds: Type.Array(Type.String()),
});
const staffFields = {
  timeZone: TimeZone,
  active: Type.Boolean(),
  userId: Type.Union([Type.Null(), Id]),
  email: Type.Union([Type.Null(), Type.String({ maxLength: 320 })]),
  phone: Type.Union([Type.Null(), Type.String({ maxLength: 40 })]),
  serviceIds: Type.Array(Id, { maxItems: 500 }),
};
const Name = Type.String({ maxLength: 400 });
const NewStaff = Type.Object({ name: Name, ...Type.Partial(Type.Object(staffFields)).properties }, closed);
const StaffChange = Type.Object({ name: Type.Optional(Name), ...Type.Partial(Type.Object(staffFields)).properties }, closed);

const StaffParams = Type.Object({ staffId: Id }, closed);

const minuteOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const clockOf = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const isoWeekday = (weekday: number) => (weekday === 0 ? 7 : weekday);
const wireInterval = (i: LocalInterval) => ({ start: clockOf(i.start), end: clockOf(i.end) });
const localInterval = (i: { start: string; end: string }): LocalInterval => ({ start: minuteOf(i.start), end: minuteOf(i.end) });

const staffView = ({ orgId: _org, ...s }: StaffProfile) => s;
const weekView = (w: { timeZone: string; hours: WeeklyHours[] }) => ({
  timeZone: w.timeZone,
  hours: w.hours
    .map((h) => ({ weekday: isoWeekday(h.weekday), ...wireInterval(h) }))
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)),
});
const overrideView = (o: StoredDateOverride) => ({
  id: o.id,
  date: o.date,
  kind: o.kind === 'off' ? ('day_off' as const) : o.kind,
  intervals: o.intervals.map(wireInterval),
  note: null,
});

/** The signed-in organization's staff: people, weekly hours (with breaks) and date overrides. */
export function orgStaffRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/org/staff',
      {
        schema: {
          tags: ['setup'],
          summary: 'Every staff member of my organization (work email and phone only for roles that see its people)',
          response: { 200: Type.Object({ staff: Type.Array(Staff) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => ({ staff: (await listOrgStaff(ctx, request.auth)).map(staffView) }),
    );

    app.post(
      '/org/staff',
      {
        schema: {
          tags: ['setup'],
          summary: 'Add a staff member (userId: a member of my organization who signs in as them)',
          body: NewStaff,
          response: { 201: Staff, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(staffView(await addStaffMember(ctx, request.auth, request.body))),
    );

    app.put(
      '/org/staff/:staffId',
      {
        schema: {
          tags: ['setup'],
          summary: 'Change a staff member (fields left out keep their value)',
          params: StaffParams,
          body: StaffChange,
          response: { 200: Staff, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => staffView(await updateStaffMember(ctx, request.auth, request.params.staffId, request.body)),
    );

    app.get(
      '/org/staff/:staffId/hours',
      {
        schema: {
          tags: ['setup'],
          summary: "A staff member's weekly hours in their own zone (weekday 1 = Monday .. 7 = Sunday)",
          params: StaffParams,
          response: { 200: Week, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => weekView(await staffHours(ctx, request.auth, request.params.staffId)),
    );

    app.put(
      '/org/staff/:staffId/hours',
      {
        schema: {
          tags: ['setup'],
          summary: 'Replace the whole week: several intervals on one day are breaks; days left out are days off',
          description: 'Overlapping intervals on one day, or an interval that ends before it starts, answer 400 invalid_request with details naming each (reason interval_overlap or interval_inverted).',
          params: StaffParams,
          body: Type.Object({ hours: Type.Array(Hours, { maxItems: 100 }) }, closed),
          response: { 200: Week, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const hours = request.body.hours.map((h) => ({ weekday: h.weekday % 7, ...localInterval(h) }));
        return weekView(await setStaffHours(ctx, request.auth, request.params.staffId, hours));
      },
    );

    app.get(
      '/org/staff/:staffId/overrides',
      {
        schema: {
          tags: ['setup'],
          summary: "A staff member's days off and special hours, by date (from and to inclusive, both optional)",
          params: StaffParams,
          querystring: Type.Object({ from: Type.Optional(PlainDate), to: Type.Optional(PlainDate) }, closed),
          response: { 200: Type.Object({ overrides: Type.Array(Override) }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => ({ overrides: (await staffOverrides(ctx, request.auth, request.params.staffId, request.query)).map(overrideView) }),
    );

    app.post(
      '/org/staff/:staffId/overrides',
      {
        schema: {
          tags: ['setup'],
          summary: 'Set one date: a day off, other hours instead of the weekly ones, or extra hours; replaces what that date had',
          params: StaffParams,
          body: NewOverride,
          response: { 201: Override, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { date, kind, intervals = [] } = request.body;
        const override: DateOverride = { date, kind: kind === 'day_off' ? 'off' : kind, intervals: intervals.map(localInterval) };
        const set = await addStaffOverride(ctx, request.auth, request.params.staffId, override);
        return reply.status(201).send(overrideView({ id: set.overrideId, ...set.override }));
      },
    );

    app.delete(
      '/org/staff/:staffId/overrides/:overrideId',
      {
        schema: {
          tags: ['setup'],
          summary: 'Remove a date override: the date goes back to the weekly hours',
          params: Type.Object({ staffId: Id, overrideId: Id }, closed),
          response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await removeStaffOverride(ctx, request.auth, request.params.staffId, request.params.overrideId);
        return reply.status(204).send(null);
      },
    );
  };
}
