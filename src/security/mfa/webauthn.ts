import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';

export type { AuthenticationResponseJSON, RegistrationResponseJSON };

/** The relying party: bound to the configured public URL, so a passkey works nowhere else. */
export interface RelyingParty {
  id: string;
  name: string;
  origin: string;
}

export function relyingPartyFor(publicUrl: string): RelyingParty {
  const url = new URL(publicUrl);
  return { id: url.hostname, name: 'Slotguard', origin: url.origin };
}

/** A stored passkey: its public key and signature counter, never a secret. */
export interface StoredPasskey {
  credentialId: string;
  publicKey: string;
  signCount: number;
  transports: string[];
}

const transportsOf = (t: string[]) => t as AuthenticatorTransport[];

export function registrationOptions(
  rp: RelyingParty,
  user: { id: string; name: string; displayName: string },
  existing: readonly StoredPasskey[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.name,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: transportsOf(p.transports) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

/** The new passkey when the response answers our challenge for our origin; null otherwise. */
export async function verifyRegistration(rp: RelyingParty, response: RegistrationResponseJSON, challenge: string): Promise<StoredPasskey | null> {
  const result = await refusedAsNull(() =>
    verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    }),
  );
  if (!result?.verified) return null;
  const c = result.registrationInfo.credential;
  return {
    credentialId: c.id,
    publicKey: Buffer.from(c.publicKey).toString('base64url'),
    signCount: c.counter,
    transports: c.transports ?? [],
  };
}

export function authenticationOptions(rp: RelyingParty, allowed: readonly StoredPasskey[]): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: allowed.map((p) => ({ id: p.credentialId, transports: transportsOf(p.transports) })),
    userVerification: allowed.length === 0 ? 'required' : 'preferred',
  });
}

/**
 * The passkey's new signature counter when the assertion is valid; null otherwise. A
 * passwordless sign-in requires user verification (the passkey is then both factors).
 */
export async function verifyAuthentication(
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  challenge: string,
  passkey: StoredPasskey,
  requireUserVerification: boolean,
): Promise<number | null> {
  const result = await refusedAsNull(() =>
    verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: passkey.signCount,
        transports: transportsOf(passkey.transports),
      },
      requireUserVerification,
    }),
  );
  return result?.verified ? result.authenticationInfo.newCounter : null;
}

/**
 * SimpleWebAuthn throws (rather than answering "not verified") for a wrong challenge, origin,
 * signature or malformed response: to us each is a refused answer, recorded by the caller.
 */
async function refusedAsNull<T>(verify: () => Promise<T>): Promise<T | null> {
  try {
    return await verify();
  } catch (e) {
    if (e instanceof Error) return null;
    throw e;
  }
}
