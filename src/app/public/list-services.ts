import type { AppContext } from '../ports.js';
import { requireOrg } from './load-public.js';

export interface PublicService {
  id: string;
  name: string;
  description: string;
  durationMin: number;
  price: { amountCents: number; currency: string } | null;
  capacity: number;
  requiresApproval: boolean;
  staff: { id: string; name: string }[];
}

export interface PublicOrgServices {
  org: { slug: string; name: string; timeZone: string; locale: string };
  services: PublicService[];
}

/** What a business offers on its public booking page. */
export async function listServices(ctx: AppContext, orgSlug: string): Promise<PublicOrgServices> {
  return ctx.uow.read(async (repos) => {
    const org = await requireOrg(repos, orgSlug);
    const services = await repos.services.listActive(org.id);
    const staff = await repos.staff.listByIds(org.id, [...new Set(services.flatMap((s) => s.staffIds))]);
    const names = new Map(staff.map((s) => [s.id, s.name]));
    return {
      org: { slug: org.slug, name: org.name, timeZone: org.timeZone, locale: org.locale },
      services: services.map((s) => ({
        id: s.id,
        name: s.name,
        description: s.description,
        durationMin: s.durationMin,
        price: s.priceCents !== null && s.currency ? { amountCents: s.priceCents, currency: s.currency } : null,
        capacity: s.capacity,
        requiresApproval: s.requiresApproval,
        staff: s.staffIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      })),
    };
  });
}
