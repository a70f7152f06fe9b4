import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { KeyRotation, type Progress } from '../../db/crypto/key-rotation.js';
import { addKeyFileVersion } from '../../security/crypto/master-key-source.js';
import { cliActor } from '../cli-actor.js';
import { UsageError } from '../usage-error.js';
import { printResult, withRuntime } from '../with-runtime.js';

interface RotateOptions {
  reencrypt?: boolean;
}

const showProgress: Progress = (done, total, phase) => {
  const width = 30;
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  process.stderr.write(`\r${phase} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  if (done >= total) process.stderr.write('\n');
};

export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('master and data keys of the field encryption');

  keys
    .command('status')
    .description('master key versions with their ages, and how many data keys each wraps')
    .action(async () => {
      printResult(
        await withRuntime(async (rt) => {
          const status = await new KeyRotation(rt.database.db, rt.masterKeys, () => rt.ctx.clock.now()).status();
          const now = rt.ctx.clock.now();
          return {
            ...status,
            masterKeys: status.masterKeys.map((k) => ({
              ...k,
              ageDays: k.createdAt === null ? null : Math.floor((now - k.createdAt) / 86_400_000),
            })),
          };
        }),
      );
    });

  keys
    .command('rotate')
    .description('add a new master key version and re-wrap every data key with it (the server may keep running)')
    .option('--reencrypt', 'also give every owner a new data key and re-encrypt every sealed field (batched, resumable)')
    .action(async (o: RotateOptions) => {
      const config = loadConfig();
      let added: string | null = null;
      if (config.masterKey.env) {
        process.stderr.write('MASTER_KEY is set: put the new key in front (knew:...,kold:...) to rotate; re-wrapping to its first key now\n');
      } else {
        if (!existsSync(config.masterKey.file)) throw new UsageError(`No master key file at ${config.masterKey.file}`);
        added = addKeyFileVersion(config.masterKey.file, Date.now());
      }
      printResult(
        await withRuntime(async (rt) => {
          const rotation = new KeyRotation(rt.database.db, rt.masterKeys, () => rt.ctx.clock.now());
          const rewrapped = await rotation.rewrap(showProgress);
          const reencrypted = o.reencrypt ? await rotation.reencrypt(showProgress) : 0;
          await rt.ctx.uow.write((r) =>
            r.audit.record({
              orgId: null,
              actor: cliActor(),
              action: o.reencrypt ? 'keys.rotate_reencrypt' : 'keys.rotate',
              objectType: 'master_key',
              objectIds: [rt.masterKeys.currentVersion()],
              outcome: 'success',
            }),
          );
          return { newMasterVersion: added, currentMasterVersion: rt.masterKeys.currentVersion(), rewrapped, reencrypted, status: await rotation.status() };
        }),
      );
    });
}
