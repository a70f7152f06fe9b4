import type { Command } from 'commander';
import { seedDemo } from '../../app/demo/seed-demo.js';
import { cliActor } from '../cli-actor.js';
import { printResult, withRuntime } from '../with-runtime.js';

export function registerDemoCommands(program: Command): void {
  const demo = program.command('demo').description('demo data');
  demo
    .command('seed')
    .description('add two demo businesses with staff, hours and bookings (only into an empty database)')
    .action(async () => {
      printResult(await withRuntime((rt) => seedDemo(rt.ctx, cliActor())));
    });
}
