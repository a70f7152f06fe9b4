import { userInfo } from 'node:os';
import type { Actor } from '../app/ports.js';

/** The operator running the command, as the audit log records them. */
export function cliActor(): Actor {
  return { type: 'cli', id: operatorName() };
}

function operatorName(): string | null {
  try {
    return userInfo().username;
  } catch (e) {
    // A container user without a passwd entry has no name; its uid still identifies it.
    if (e instanceof Error && 'code' in e) return process.env.USER ?? `uid:${process.getuid?.() ?? 'unknown'}`;
    throw e;
  }
}
