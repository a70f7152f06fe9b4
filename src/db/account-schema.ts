/** Kysely types of the accounts tables (migration 0003-accounts). Instants are epoch ms. */
export interface AccountDirectoryTable {
  id: string;
  touched_at: number;
}

export interface UsersTable {
  id: string;
  email_enc: string;
  /** Blind index of the normalized email under the users' index key; unique. */
  email_index: string;
  name_enc: string;
  phone_enc: string | null;
  /** The user's anti-phishing phrase, sealed; null when none is set. */
  anti_phishing_enc: string | null;
  locale: string;
  /** Argon2id PHC string (parameters included); null for a passkey-only account. */
  password_hash: string | null;
  password_changed_at: number | null;
  /** 1 when the password is known to be compromised: the next login must change it. */
  password_compromised: number;
  disabled_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface MembershipsTable {
  user_id: string;
  org_id: string;
  role: string;
  expires_at: number | null;
  created_at: number;
}

export interface OrgSecurityPoliciesTable {
  org_id: string;
  policy: string;
  updated_at: number;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  org_id: string | null;
  role: string | null;
  stage: string;
  created_at: number;
  last_seen_at: number;
  idle_timeout_ms: number;
  expires_at: number;
  auth_at: number;
  auth_methods: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: number | null;
  revoke_reason: string | null;
}

export interface LoginChallengesTable {
  token_hash: string;
  purpose: string;
  user_id: string | null;
  methods: string;
  webauthn_challenge: string | null;
  failures: number;
  created_at: number;
  expires_at: number;
}

export interface MfaFactorsTable {
  id: string;
  user_id: string;
  kind: string;
  label: string;
  secret_enc: string | null;
  credential_id: string | null;
  public_key: string | null;
  sign_count: number;
  transports: string | null;
  last_used_step: number | null;
  confirmed_at: number | null;
  created_at: number;
  last_used_at: number | null;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: number | null;
  created_at: number;
}

export interface OneTimeCodesTable {
  id: string;
  user_id: string;
  bound_to: string;
  channel: string;
  code_hash: string;
  failures: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface AccountTokensTable {
  token_hash: string;
  purpose: string;
  user_id: string | null;
  org_id: string | null;
  role: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface LoginThrottlesTable {
  key_hash: string;
  failures: number;
  last_failure_at: number;
  blocked_until: number;
}

export interface AccountTables {
  account_directory: AccountDirectoryTable;
  users: UsersTable;
  memberships: MembershipsTable;
  org_security_policies: OrgSecurityPoliciesTable;
  sessions: SessionsTable;
  login_challenges: LoginChallengesTable;
  mfa_factors: MfaFactorsTable;
  recovery_codes: RecoveryCodesTable;
  one_time_codes: OneTimeCodesTable;
  account_tokens: AccountTokensTable;
  login_throttles: LoginThrottlesTable;
}
