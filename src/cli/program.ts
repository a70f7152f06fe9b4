import { Command } from 'commander';
import { registerApiKeyCommands } from './commands/apikey.js';
import { registerBackupCommands } from './commands/backup.js';
import { registerBookingCommands } from './commands/booking.js';
import { registerCalendarFeedCommands } from './commands/calendar-feed.js';
import { registerCustomerCommands } from './commands/customer.js';
import { registerDemoCommands } from './commands/demo.js';
import { registerHoursCommands } from './commands/hours.js';
import { registerKeysCommands } from './commands/keys.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerNotificationCommands } from './commands/notifications.js';
import { registerOrgCommands } from './commands/org.js';
import { registerOutboxCommands } from './commands/outbox.js';
import { registerOverrideCommands } from './commands/override.js';
import { registerServiceCommands } from './commands/service.js';
import { registerStaffCommands } from './commands/staff.js';
import { registerStartCommand } from './commands/start.js';
import { registerTlsCommands } from './commands/tls.js';
import { registerUserCommands } from './commands/user.js';
import { registerWebhookCommands } from './commands/webhook.js';
import { registerWorkerCommand } from './commands/worker.js';

/** The `slotguard` command. Configuration comes from the environment (DATABASE_URL, PORT, ...). */
export function buildProgram(): Command {
  const program = new Command('slotguard')
    .description('Slotguard: secure appointment scheduling')
    .exitOverride()
    .showSuggestionAfterError(true);
  program.configureHelp({ showGlobalOptions: true });
  registerStartCommand(program);
  registerWorkerCommand(program);
  registerMigrateCommand(program);
  registerOrgCommands(program);
  registerStaffCommands(program);
  registerServiceCommands(program);
  registerHoursCommands(program);
  registerOverrideCommands(program);
  registerDemoCommands(program);
  registerCustomerCommands(program);
  registerOutboxCommands(program);
  registerNotificationCommands(program);
  registerWebhookCommands(program);
  registerCalendarFeedCommands(program);
  registerBookingCommands(program);
  registerKeysCommands(program);
  registerTlsCommands(program);
  registerUserCommands(program);
  registerApiKeyCommands(program);
  registerBackupCommands(program);
  return program;
}
