import { notFound } from '../../domain/errors.js';
import type { Service } from '../../domain/model.js';
import { requireAccess } from '../access/require-access.js';
import type { AuthContext } from '../auth/session-model.js';
import { audited } from '../audited.js';
import type { AppContext } from '../ports.js';
import { type ServiceFields, cleanService, requireStaffIdsOf } from './create-service.js';

/** Fields to change; those left out keep their value. */
export interface ServiceChange extends Partial<ServiceFields> {
  /** False takes the service off the booking page; its bookings stay. */
  active?: boolean;
}

/**
 * Changes a service of the signed-in admin's organization. The whole result is checked as on
 * creation; the staff who offer it change only when `staffIds` is given.
 */
export async function updateService(ctx: AppContext, auth: AuthContext | null, serviceId: string, change: ServiceChange): Promise<Service> {
  const access = await requireAccess(ctx, auth, 'org:manage', [{ type: 'service', id: serviceId }]);
  const audit = { orgId: access.orgId, actor: access.actor, action: 'service.update', objectType: 'service', objectIds: [serviceId] };
  return audited(ctx.uow, audit, () =>
    ctx.uow.write(async (repos) => {
      const current = (await repos.services.listAll(access.orgId)).find((s) => s.id === serviceId);
      if (!current) throw notFound('Service');
      const { id: _id, orgId: _orgId, locationId: _location, active: _active, ...fields } = current;
      const clean = cleanService({ ...fields, ...change });
      const active = change.active ?? current.active;
      const service: Service = { ...current, ...clean, cutoffMin: clean.cutoffMin ?? current.cutoffMin, active };
      if (change.staffIds !== undefined) await requireStaffIdsOf(repos, access.orgId, service.staffIds);
      await repos.services.update(service, change.staffIds === undefined ? undefined : service.staffIds);
      await repos.audit.record({ ...audit, outcome: 'success' });
      return service;
    }),
  );
}
