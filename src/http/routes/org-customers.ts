import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MAX_PAGE, listCustomers, viewCustomer } from '../../app/desk/customers.js';
import type { AppContext } from '../../app/ports.js';
import { Id, TimeZone, closed, errorResponses } from '../schemas.js';
import { BookingItem, CustomerItem } from './desk-schemas.js';

/** The signed-in organization's customers (a staff member: those who booked with them). */
export function orgCustomerRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/org/customers',
      {
        schema: {
          tags: ['desk'],
          summary: 'Customers in pages (limit, cursor), or the one with an exact email',
          querystring: Type.Object(
            {
              email: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE })),
              cursor: Type.Optional(Id),
            },
            closed,
          ),
          response: {
            200: Type.Object({ customers: Type.Array(CustomerItem), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request) => listCustomers(ctx, request.auth, request.query),
    );

    app.get(
      '/org/customers/:customerId',
      {
        schema: {
          tags: ['desk'],
          summary: 'One customer with their bookings (times in timeZone, else the organization zone)',
          params: Type.Object({ customerId: Id }, closed),
          querystring: Type.Object({ timeZone: Type.Optional(TimeZone) }, closed),
          response: { 200: Type.Object({ customer: CustomerItem, bookings: Type.Array(BookingItem) }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => viewCustomer(ctx, request.auth, request.params.customerId, request.query.timeZone ?? null),
    );
  };
}
