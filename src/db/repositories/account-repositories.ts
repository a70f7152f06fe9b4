import type { Kysely } from 'kysely';
import type { AccountRepositories } from '../../app/auth/account-ports.js';
import type { Clock } from '../../app/ports.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { DB } from '../schema.js';
import { KyselyAccountTokenRepository } from './account-token-repository.js';
import { KyselyApiKeyRepository } from './api-key-repository.js';
import { KyselyAuditLog } from './audit-repository.js';
import { KyselyLoginChallengeRepository } from './login-challenge-repository.js';
import { KyselyMembershipRepository } from './membership-repository.js';
import { KyselyOneTimeCodeRepository, KyselyRecoveryCodeRepository } from './mfa-code-repositories.js';
import { KyselyMfaFactorRepository } from './mfa-factor-repository.js';
import { KyselySecurityPolicyRepository } from './security-policy-repository.js';
import { KyselySessionRepository } from './session-repository.js';
import { KyselyThrottleRepository } from './throttle-repository.js';
import { KyselyUserRepository } from './user-repository.js';

/** The accounts' repositories on one connection or transaction. */
export function accountRepositories(db: Kysely<DB>, crypto: FieldCrypto, clock: Clock): AccountRepositories {
  const now = () => clock.now();
  return {
    users: new KyselyUserRepository(db, crypto, now),
    memberships: new KyselyMembershipRepository(db),
    securityPolicies: new KyselySecurityPolicyRepository(db, now),
    sessions: new KyselySessionRepository(db),
    throttles: new KyselyThrottleRepository(db, crypto),
    challenges: new KyselyLoginChallengeRepository(db),
    factors: new KyselyMfaFactorRepository(db, crypto),
    recoveryCodes: new KyselyRecoveryCodeRepository(db),
    oneTimeCodes: new KyselyOneTimeCodeRepository(db),
    tokens: new KyselyAccountTokenRepository(db),
    apiKeys: new KyselyApiKeyRepository(db),
    auditTrail: new KyselyAuditLog(db, clock),
  };
}
