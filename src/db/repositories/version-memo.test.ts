import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { VersionMemo } from './availability-version-repository.js';

/** What the memo sees of a database: a change mark and a version read, both counted. */
class Counters {
  writes = 0;
  marksTaken = 0;
  loads = 0;
  failing = false;
  readonly mark = (): string => {
    if (this.failing) throw new Error('database closed');
    this.marksTaken++;
    return `w${this.writes}`;
  };
  readonly load = async (): Promise<string | null> => {
    this.loads++;
    return `v${this.writes}`;
  };
}

describe('VersionMemo', () => {
  it('loads again only when the mark moved', async () => {
    const db = new Counters();
    const memo = new VersionMemo(db.mark);
    expect(await memo.read('svc', db.load)).toBe('v0');
    expect(await memo.read('svc', db.load)).toBe('v0');
    expect(db.loads).toBe(1);
    db.writes++;
    expect(await memo.read('svc', db.load)).toBe('v1');
    expect(db.loads).toBe(2);
  });

  it('always loads without a mark (PostgreSQL)', async () => {
    const memo = new VersionMemo(() => null);
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await memo.read('svc', load)).toBe('v1');
    expect(await memo.read('svc', load)).toBe('v2');
  });

  describe('sharing marks within a turn', () => {
    it('takes one mark for all reads asked for in the same turn', async () => {
      const db = new Counters();
      const memo = new VersionMemo(db.mark, true);
      const answers = await Promise.all([memo.read('a', db.load), memo.read('b', db.load), memo.read('a', db.load)]);
      expect(answers).toEqual(['v0', 'v0', 'v0']);
      expect(db.marksTaken).toBe(1);
      await memo.read('a', db.load);
      expect(db.marksTaken).toBe(2);
    });

    it('takes the mark after the reads were asked for: a write in between is never hidden', async () => {
      const db = new Counters();
      const memo = new VersionMemo(db.mark, true);
      expect(await memo.read('svc', db.load)).toBe('v0');
      const pending = memo.read('svc', db.load);
      // Committed after the read was asked for, before its turn ended: the read sees it.
      db.writes++;
      expect(await pending).toBe('v1');
      expect(db.loads).toBe(2);
    });

    it('hands a failing mark to every read of that turn, and takes a fresh one next turn', async () => {
      const db = new Counters();
      const memo = new VersionMemo(db.mark, true);
      db.failing = true;
      const results = await Promise.allSettled([memo.read('a', db.load), memo.read('b', db.load)]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      db.failing = false;
      await nextTurn();
      expect(await memo.read('a', db.load)).toBe('v0');
    });
  });
});
