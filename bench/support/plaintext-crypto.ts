import { FieldCrypto, type FieldPlace } from '../../src/db/crypto/field-crypto.js';
import type { KeyOwner } from '../../src/db/crypto/key-ring.js';

/**
 * Benchmark only: stores fields as they are, so that one run can measure bookings with and
 * without field encryption. Never wired into the product.
 */
export class PlaintextFieldCrypto extends FieldCrypto {
  override async seal(_owner: KeyOwner, _place: FieldPlace, value: string): Promise<string> {
    return value;
  }

  override async open(_place: FieldPlace, sealed: string): Promise<string> {
    return sealed;
  }

  override async index(_orgId: string, value: string): Promise<string> {
    return value;
  }

  override async createKey(): Promise<void> {}
}
