import type { Command } from 'commander';
import { API_KEY_SCOPES } from '../../app/access/api-key-scopes.js';
import { operatorCreateApiKey, operatorListApiKeys, operatorRevokeApiKey } from '../../app/auth/api-keys.js';
import { cliActor } from '../cli-actor.js';
import { printResult, withRuntime } from '../with-runtime.js';

const FLAGS = { orgSlug: '--org', name: '--name', scopes: '--scopes', expiresAt: '--expires', keyId: '--id' };

export function registerApiKeyCommands(program: Command): void {
  const apikey = program.command('apikey').description("integrations' API keys (sent as Authorization: Bearer sgk_...)");
  apikey
    .command('create')
    .description('a new key for an organization; the key is printed once and only its hash is kept')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--name <name>', 'what the key is for, e.g. "Website booking widget"')
    .requiredOption('--scopes <list>', `comma-separated: ${API_KEY_SCOPES.join(', ')}`)
    .option('--expires <instant>', 'end of the key, ISO 8601 with offset (default: until revoked)')
    .action(async (o: { org: string; name: string; scopes: string; expires?: string }) => {
      const input = { name: o.name, scopes: o.scopes.split(',').map((s) => s.trim()).filter((s) => s.length > 0), expiresAt: o.expires ?? null };
      printResult(await withRuntime((rt) => operatorCreateApiKey(rt.ctx, o.org, input, cliActor()), FLAGS));
    });
  apikey
    .command('list')
    .description("an organization's keys (never their secrets)")
    .requiredOption('--org <slug>', 'organization slug')
    .action(async (o: { org: string }) => {
      printResult(await withRuntime((rt) => operatorListApiKeys(rt.ctx, o.org), FLAGS));
    });
  apikey
    .command('revoke')
    .description('the key stops working at once')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--id <keyId>', 'key id')
    .action(async (o: { org: string; id: string }) => {
      await withRuntime((rt) => operatorRevokeApiKey(rt.ctx, o.org, o.id, cliActor()), FLAGS);
      printResult({ revoked: o.id });
    });
}
