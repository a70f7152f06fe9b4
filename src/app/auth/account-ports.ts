import type { Membership, User } from './account-model.js';
import type { OrgSecurityPolicy } from './security-policy.js';

export interface UserRepository {
  /** By the blind index of the normalized email; the email itself is never stored readable. */
  findByEmail(email: string): Promise<User | null>;
  findById(id: string): Promise<User | null>;
  /** Fails with 409 conflict when the email is taken. */
  insert(user: User): Promise<void>;
  setPassword(id: string, passwordHash: string, changedAt: number | null, compromised: boolean): Promise<void>;
  count(): Promise<number>;
  /**
   * A stable, keyed stand-in for an email (its blind index), for throttles that must treat
   * known and unknown accounts alike.
   */
  emailKey(email: string): Promise<string>;
}

export interface MembershipRepository {
  forUser(userId: string): Promise<Membership[]>;
  find(userId: string, orgId: string): Promise<Membership | null>;
  /** Adds the membership or changes its role and expiry. */
  upsert(membership: Membership): Promise<void>;
  listOrg(orgId: string): Promise<Membership[]>;
}

export interface SecurityPolicyRepository {
  forOrg(orgId: string): Promise<OrgSecurityPolicy>;
  save(orgId: string, policy: OrgSecurityPolicy): Promise<void>;
}

/** The accounts' repositories, reached as `repos.accounts` inside a unit of work. */
export interface AccountRepositories {
  users: UserRepository;
  memberships: MembershipRepository;
  securityPolicies: SecurityPolicyRepository;
}
