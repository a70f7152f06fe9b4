import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openRuntime } from '../with-runtime.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date; prints the migrations applied')
    .action(async () => {
      const config = loadConfig();
      const runtime = await openRuntime(config, { migrate: false });
      try {
        const { applied } = await migrateToLatest(runtime.database);
        if (applied.length === 0) process.stdout.write('database is up to date\n');
        for (const name of applied) process.stdout.write(`applied ${name}\n`);
      } finally {
        await runtime.close();
      }
    });
}
