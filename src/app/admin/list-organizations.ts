import type { AppContext } from '../ports.js';

export interface OrganizationSummary {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

/** Every organization on this installation, by slug. */
export async function listOrganizations(ctx: AppContext): Promise<OrganizationSummary[]> {
  const orgs = await ctx.uow.read((repos) => repos.orgs.list());
  return orgs.map((o) => ({ id: o.id, slug: o.slug, name: o.name, timeZone: o.timeZone }));
}
