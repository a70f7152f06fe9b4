import { type ErrorDetail, invalidRequest } from '../domain/errors.js';
import { containsCardNumber } from '../security/crypto/luhn.js';

const CARD_NUMBER_MESSAGE = 'looks like a payment card number; never send card details here (we do not store them)';

// C0/C1 controls and Unicode line/paragraph separators; newlines and tabs only where allowed.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/;
const CONTROL_OR_NEWLINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const EMAIL = /^[^\s@"<>()[\]\\,;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const PHONE = /^\+[1-9]\d{6,14}$/;

/** Collects every problem with an input before answering, so a client can fix all at once. */
export class InputCheck {
  private readonly problems: ErrorDetail[] = [];

  /** A single-line name: trimmed, no control characters, within bounds. */
  line(path: string, value: string, max = 200): string {
    const v = value.normalize('NFC').trim();
    if (v.length === 0) this.problems.push({ path, message: 'must not be empty' });
    else if (v.length > max) this.problems.push({ path, message: `must be at most ${max} characters` });
    else if (CONTROL_OR_NEWLINE.test(v)) this.problems.push({ path, message: 'must not contain control characters or line breaks' });
    else if (containsCardNumber(v)) this.problems.push({ path, message: CARD_NUMBER_MESSAGE });
    return v;
  }

  /** Free text (notes): line breaks allowed, other control characters refused. */
  text(path: string, value: string, max = 2000): string {
    const v = value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
    if (v.length > max) this.problems.push({ path, message: `must be at most ${max} characters` });
    else if (CONTROL.test(v)) this.problems.push({ path, message: 'must not contain control characters' });
    else if (containsCardNumber(v)) this.problems.push({ path, message: CARD_NUMBER_MESSAGE });
    return v;
  }

  email(path: string, value: string): string {
    const v = value.trim();
    if (v.length > 254 || !EMAIL.test(v)) this.problems.push({ path, message: 'must be an email address' });
    return v;
  }

  /** Phone numbers in E.164 (`+8613800138000`); spaces, dashes and brackets are ignored. */
  phone(path: string, value: string): string {
    const v = value.replace(/[\s().-]/g, '');
    if (!PHONE.test(v)) this.problems.push({ path, message: 'must be an international number such as +49 30 1234567' });
    return v;
  }

  /** `reason`: a stable machine code for this problem, when a client should tell it apart. */
  require(condition: boolean, path: string, message: string, reason?: string): void {
    if (!condition) this.problems.push(reason ? { path, message, reason } : { path, message });
  }

  /** Throws 400 invalid_request listing every problem found. */
  done(message = 'The request has invalid fields'): void {
    if (this.problems.length > 0) throw invalidRequest(message, this.problems);
  }
}
