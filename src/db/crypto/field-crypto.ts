import { blindIndex } from '../../security/crypto/blind-index.js';
import { keyIdOf, openField, sealField } from '../../security/crypto/field-cipher.js';
import { DataKeyDestroyedError, type KeyOwner, type KeyRing } from './key-ring.js';

/** Where a value lives; bound into its ciphertext so it cannot be moved elsewhere. */
export interface FieldPlace {
  table: string;
  column: string;
  rowId: string;
}

const aadOf = (p: FieldPlace) => `${p.table}.${p.column}.${p.rowId}`;

/** What repositories use to keep personal fields sealed on disk. */
export class FieldCrypto {
  /** Active keys already looked up; one instance serves one transaction or one read. */
  private readonly active = new Map<string, Promise<{ id: string; key: Buffer }>>();

  constructor(private readonly keys: KeyRing) {}

  private activeKey(owner: KeyOwner): Promise<{ id: string; key: Buffer }> {
    const memoKey = `${owner.type}:${owner.id}`;
    let found = this.active.get(memoKey);
    if (!found) {
      found = this.keys.activeKey(owner);
      this.active.set(memoKey, found);
      found.catch(() => this.active.delete(memoKey));
    }
    return found;
  }

  async seal(owner: KeyOwner, place: FieldPlace, value: string): Promise<string> {
    const { id, key } = await this.activeKey(owner);
    return sealField(key, id, aadOf(place), value);
  }

  async sealOptional(owner: KeyOwner, place: FieldPlace, value: string | null): Promise<string | null> {
    return value === null ? null : this.seal(owner, place, value);
  }

  async open(place: FieldPlace, sealed: string): Promise<string> {
    const key = await this.keys.keyById(keyIdOf(sealed));
    return openField(key, aadOf(place), sealed);
  }

  /** Null for no value, and for a value whose key was destroyed (its owner was erased). */
  async openOptional(place: FieldPlace, sealed: string | null): Promise<string | null> {
    if (sealed === null) return null;
    try {
      return await this.open(place, sealed);
    } catch (e) {
      if (e instanceof DataKeyDestroyedError) return null;
      throw e;
    }
  }

  /** Keyed blind index under the org's index key, so orgs' indexes cannot be linked. */
  async index(orgId: string, value: string): Promise<string> {
    const { key } = await this.activeKey({ orgId, type: 'org_index', id: orgId });
    return blindIndex(key, value);
  }

  /** Crypto-shredding of one owner's data (see KeyRing.destroy). */
  async destroyKeys(owner: Pick<KeyOwner, 'type' | 'id'>): Promise<number> {
    this.active.delete(`${owner.type}:${owner.id}`);
    return this.keys.destroy(owner);
  }

  /** Creates an owner's first key up front (e.g. an org's keys when the org is created). */
  async createKey(owner: KeyOwner): Promise<void> {
    this.active.set(`${owner.type}:${owner.id}`, this.keys.createKey(owner));
    await this.active.get(`${owner.type}:${owner.id}`);
  }
}
