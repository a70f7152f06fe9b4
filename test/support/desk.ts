import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { TestRuntime } from './databases.js';
import type { Browser } from './accounts.js';
import { type Shop, bookingBody } from './fixtures.js';

/** Makes a user the given staff member (staff_members.user_id), as linking in the setup API does. */
export async function linkStaffUser(rt: TestRuntime, staffId: string, userId: string): Promise<void> {
  await rt.database.db.updateTable('staff_members').set({ user_id: userId }).where('id', '=', staffId).execute();
}

/** Books through the public page and returns the booking id. */
export async function bookPublicly(app: FastifyInstance, shop: Shop, start: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await app.inject({ method: 'POST', url: `/api/v1/orgs/${shop.orgSlug}/bookings`, payload: bookingBody(shop, start, over) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().booking.id as string;
}

/** A signed-in caller of the desk API. */
export function deskClient(app: FastifyInstance, b: Browser) {
  return {
    get: (url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: b.headers }),
    post: (url: string, payload?: Record<string, unknown>, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { ...b.headers, ...headers }, ...(payload ? { payload } : {}) }),
  };
}
