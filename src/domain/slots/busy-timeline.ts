import type { BusyInterval } from './types.js';

/**
 * A staff member's busy time as sorted, disjoint spans, read by a cursor that only moves
 * forward: asking about slots in increasing order costs O(slots + busy) in total instead of
 * O(slots x busy).
 */
export class BusyTimeline {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private cursor = 0;

  /** Accepts busy spans in any order, overlapping or not; empty spans are ignored. */
  constructor(busy: readonly BusyInterval[]) {
    const spans = busy.filter((b) => b.end > b.start).sort((a, b) => a.start - b.start);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const span of spans) {
      const last = ends.length - 1;
      if (last >= 0 && span.start <= (ends[last] as number)) {
        if (span.end > (ends[last] as number)) ends[last] = span.end;
      } else {
        starts.push(span.start);
        ends.push(span.end);
      }
    }
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
  }

  get size(): number {
    return this.starts.length;
  }

  /**
   * True when [start, end) overlaps no busy span (touching is fine). Calls must come with
   * non-decreasing `start`; call rewind() to ask about earlier times again.
   */
  isFreeForward(start: number, end: number): boolean {
    const ends = this.ends;
    let i = this.cursor;
    while (i < ends.length && (ends[i] as number) <= start) i++;
    this.cursor = i;
    return i === ends.length || (this.starts[i] as number) >= end;
  }

  rewind(): void {
    this.cursor = 0;
  }
}

/** True when [start, end) overlaps none of the busy spans; one pass, no sorting needed. */
export function isFree(busy: readonly BusyInterval[], start: number, end: number): boolean {
  for (const span of busy) {
    if (span.start < end && span.end > start && span.end > span.start) return false;
  }
  return true;
}
