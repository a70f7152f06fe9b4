import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { addService } from '../../app/admin/create-service.js';
import { listOrgServices } from '../../app/admin/list-org-setup.js';
import { getOrgSettings, updateOrgSettings } from '../../app/admin/org-settings.js';
import { updateService } from '../../app/admin/update-service.js';
import type { AppContext } from '../../app/ports.js';
import type { Service as ServiceModel } from '../../domain/model.js';
import { LOCALES } from '../../domain/model.js';
import { Id, TimeZone, closed, errorResponses } from '../schemas.js';

const Locale = Type.Union(LOCALES.map((l) => Type.Literal(l)));
// Null first: with type coercion on, a null would otherwise become 0.
const NullableInt = Type.Union([Type.Null(), Type.Integer()]);
const NullableString = Type.Union([Type.Null(), Type.String({ maxLength: 8 })]);

const Policies = Type.Object({ holdMinutes: Type.Integer(), defaultCutoffMinutes: Type.Integer() });
const Settings = Type.Object({
  name: Type.String(),
  slug: Type.String(),
  timeZone: Type.String(),
  locale: Type.String(),
  policies: Policies,
  allowedFrameOrigins: Type.Array(Type.String()),
});
const SettingsChange = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 400 })),
    timeZone: Type.Optional(TimeZone),
    locale: Type.Optional(Locale),
    policies: Type.Optional(Type.Object({ holdMinutes: Type.Optional(Type.Integer()), defaultCutoffMinutes: Type.Optional(Type.Integer()) }, closed)),
    allowedFrameOrigins: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 50 })),
  },
  closed,
);

/** A service's booking rules, the same in its view and in a change. */
const serviceRules = {
  bufferBeforeMin: Type.Integer(),
  bufferAfterMin: Type.Integer(),
  slotIntervalMin: Type.Integer(),
  minNoticeMin: Type.Integer(),
  maxAdvanceDays: NullableInt,
  capacity: Type.Integer(),
  requiresApproval: Type.Boolean(),
  cutoffMin: Type.Integer(),
};

export const Service = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  durationMin: Type.Integer(),
  priceCents: NullableInt,
  currency: Type.Union([Type.Null(), Type.String()]),
  ...serviceRules,
  active: Type.Boolean(),
  staffIds: Type.Array(Type.String()),
});

const serviceFields = {
  name: Type.String({ maxLength: 400 }),
  description: Type.String({ maxLength: 4000 }),
  durationMin: Type.Integer(),
  priceCents: NullableInt,
  currency: NullableString,
  ...serviceRules,
  staffIds: Type.Array(Id, { maxItems: 500 }),
};
const { name, durationMin, ...optionalFields } = serviceFields;
const NewService = Type.Object({ name, durationMin, ...Type.Partial(Type.Object(optionalFields)).properties }, closed);
const ServiceChange = Type.Object({ ...Type.Partial(Type.Object(serviceFields)).properties, active: Type.Optional(Type.Boolean()) }, closed);

const serviceView = ({ orgId: _org, locationId: _location, ...s }: ServiceModel) => s;

/** The signed-in organization's settings and services (its own, from the session). */
export function orgSetupRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/org/settings',
      {
        schema: {
          tags: ['setup'],
          summary: "My organization's name, zone, language, booking policies and the sites that may embed its booking page",
          response: { 200: Settings, ...errorResponses(401, 403) },
        },
      },
      async (request) => getOrgSettings(ctx, request.auth),
    );

    app.put(
      '/org/settings',
      {
        schema: {
          tags: ['setup'],
          summary: "Change my organization's settings (fields left out keep their value)",
          description: 'allowedFrameOrigins are https origins (scheme, host, optional port; no path or wildcard); they become the booking page\'s frame-ancestors.',
          body: SettingsChange,
          response: { 200: Settings, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => updateOrgSettings(ctx, request.auth, request.body),
    );

    app.get(
      '/org/services',
      {
        schema: {
          tags: ['setup'],
          summary: 'Every service of my organization, inactive ones too',
          response: { 200: Type.Object({ services: Type.Array(Service) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => ({ services: (await listOrgServices(ctx, request.auth)).map(serviceView) }),
    );

    app.post(
      '/org/services',
      {
        schema: {
          tags: ['setup'],
          summary: 'Add a service',
          body: NewService,
          response: { 201: Service, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => reply.status(201).send(serviceView(await addService(ctx, request.auth, { ...request.body, staffIds: request.body.staffIds ?? [] }))),
    );

    app.put(
      '/org/services/:serviceId',
      {
        schema: {
          tags: ['setup'],
          summary: 'Change a service (fields left out keep their value; active: false takes it off the booking page)',
          params: Type.Object({ serviceId: Id }, closed),
          body: ServiceChange,
          response: { 200: Service, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => serviceView(await updateService(ctx, request.auth, request.params.serviceId, request.body)),
    );
  };
}
