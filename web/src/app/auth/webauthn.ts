import { WebAuthnError, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';

/** The browser's passkey prompt for signing in, from the server's options. */
export function passkeyAssertion(options: Record<string, unknown>) {
  return startAuthentication({ optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON });
}

/** The browser's prompt to create a passkey, from the server's options. */
export function passkeyRegistration(options: Record<string, unknown>) {
  return startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON });
}

/** Whether a failure is the user closing the passkey prompt (or the browser refusing it). */
export function passkeyCancelled(error: unknown): boolean {
  return error instanceof WebAuthnError || (error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'AbortError'));
}
