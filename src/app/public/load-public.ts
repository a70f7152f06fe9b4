import { notFound } from '../../domain/errors.js';
import type { Organization, Service } from '../../domain/model.js';
import type { Repositories } from '../ports.js';

export async function requireOrg(repos: Repositories, slug: string): Promise<Organization> {
  const org = await repos.orgs.findBySlug(slug);
  if (!org) throw notFound('Organization');
  return org;
}

/** An active service of the org; another org's service is simply not found. */
export async function requireService(repos: Repositories, org: Organization, serviceId: string): Promise<Service> {
  const service = await repos.services.findById(org.id, serviceId);
  if (!service || !service.active) throw notFound('Service');
  return service;
}

/** The staff who may serve a booking: one named member (who must offer the service) or all. */
export function candidateStaff(service: Service, staffId: string | null | undefined): string[] {
  if (!staffId) return service.staffIds;
  if (!service.staffIds.includes(staffId)) throw notFound('Staff member');
  return [staffId];
}
