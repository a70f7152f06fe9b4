import type { Role } from '../../src/app/access/roles.js';

// The expected-answer builders the matrix files share. access-matrix.ts imports the matrix-*
// files, so these live here (importing nothing of the matrix) to keep the imports acyclic.

/** Who calls: nobody, each role of the organization, or a user of another organization. */
export type Caller = 'anonymous' | Role | 'other_org';
export const CALLERS: readonly Caller[] = ['anonymous', 'owner', 'admin', 'staff', 'receptionist', 'auditor', 'customer', 'other_org'];

type Answers = Record<Caller, number>;
type Over = Partial<Answers>;

/** Every caller gets the same answer. */
export const all = (status: number): Answers => Object.fromEntries(CALLERS.map((c) => [c, status])) as Answers;
/** Every signed-in caller gets `status`; nobody signed in gets 401. */
export const signedIn = (status: number, over: Over = {}): Answers => ({ ...all(status), anonymous: 401, ...over });
/** Every role of the business (and another org, in its own) gets `status`; customers are refused. */
export const orgMembers = (status: number, over: Over = {}): Answers => signedIn(status, { customer: 403, ...over });
/** Only owners and admins (and another org's, in their own org) get `status`; other roles are refused. */
export const ownersAndAdmins = (status: number, over: Over = {}): Answers =>
  orgMembers(status, { staff: 403, receptionist: 403, auditor: 403, ...over });
