/**
 * Parent side of a bot process: fork bot-child.ts (inheriting this process's execArgv, so the
 * tsx loader and any --cpu-prof flag apply to it too), wait for it to listen, ask it for stats.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BotKind, ChildConfig, ChildMessage, ChildStats, ParentMessage } from './protocol.js';

export class BotProcess {
  private nextId = 1;
  private readonly pending = new Map<number, (m: ChildMessage) => void>();
  private exited: Error | null = null;

  private constructor(
    private readonly child: ChildProcess,
    readonly config: ChildConfig,
    readonly eventsUrl: string,
    readonly vendorUrl: string,
    /** The sandbox process this bot calls, when not its own. */
    private readonly vendor: BotProcess | null,
  ) {
    child.on('message', (raw) => {
      const m = raw as ChildMessage;
      if (m.type !== 'ready') this.pending.get(m.id)?.(m);
    });
  }

  static spawn(config: ChildConfig, vendor: BotProcess | null = null): Promise<BotProcess> {
    // Same extension as this file: bot-child.ts under tsx, bot-child.js when compiled.
    const self = fileURLToPath(import.meta.url);
    const child = fork(join(dirname(self), `bot-child${extname(self)}`), [JSON.stringify(config)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`${config.kind} bot exited with code ${code} before it was ready`));
      child.once('exit', onExit);
      child.once('message', (raw) => {
        const m = raw as ChildMessage;
        if (m.type !== 'ready') return reject(new Error(`unexpected first message ${m.type}`));
        child.off('exit', onExit);
        const bot = new BotProcess(child, config, m.eventsUrl, m.vendorUrl, vendor);
        child.once('exit', (code) => {
          bot.exited = new Error(`${config.kind} bot exited with code ${code}`);
          for (const settle of bot.pending.values()) settle({ type: 'stopped', id: 0 });
        });
        resolve(bot);
      });
    });
  }

  /** A bot's kind (the lone sandbox process is never measured as a bot). */
  get kind(): BotKind {
    if (this.config.kind === 'sandbox') throw new Error('the sandbox process is not a bot');
    return this.config.kind;
  }

  /** Requests that reached this bot's vendor for `barcode`. */
  async vendorRequestsFor(barcode: string): Promise<number> {
    const s = await (this.vendor ?? this).stats(barcode);
    return s.vendorRequestsForBarcode ?? Number.NaN;
  }

  async stats(barcode?: string): Promise<ChildStats> {
    const m = await this.ask(barcode === undefined ? { type: 'stats', id: this.nextId++ } : { type: 'stats', id: this.nextId++, barcode });
    if (m.type !== 'stats') throw this.exited ?? new Error('no stats');
    return m.stats;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    await this.ask({ type: 'stop', id: this.nextId++ });
  }

  private ask(m: ParentMessage): Promise<ChildMessage> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve) => {
      this.pending.set(m.id, (answer) => {
        this.pending.delete(m.id);
        resolve(answer);
      });
      this.child.send(m);
    });
  }
}
