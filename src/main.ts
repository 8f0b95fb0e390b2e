/**
 * `npm start`: run the Slack bot until SIGTERM/SIGINT. Configuration problems are printed all
 * at once and exit 2; unexpected errors in listeners are logged and survived.
 */
import { ConfigError } from './config.js';
import { errorFields } from './log/logger.js';
import { startBot, type RunningBot } from './bot.js';

async function main(): Promise<void> {
  let bot: RunningBot;
  try {
    bot = await startBot(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`coupon-bot could not start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
  // A bug in one listener must not take the bot down for everyone.
  process.on('unhandledRejection', (reason) => bot.logger.event('error', 'unhandled_rejection', errorFields(reason)));
  process.on('uncaughtException', (error) => bot.logger.event('error', 'uncaught_exception', errorFields(error)));

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) {
      bot.logger.event('warn', 'forced_exit', { signal });
      process.exit(1);
    }
    void bot.stop(signal).then(
      () => process.exit(0),
      (e: unknown) => {
        bot.logger.event('error', 'stop_failed', errorFields(e));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

void main();
