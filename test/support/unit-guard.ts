/**
 * Set-up for the `unit` project (worker threads sharing one module graph): a test there that
 * opens a listening socket fails at once, naming the rule, instead of slowing and coupling the
 * files that share its worker. Servers belong in `*.e2e.test.ts` or an `e2e/` folder.
 */
import { Server } from 'node:net';

const listen = Server.prototype.listen;
const marker = Symbol.for('coupon-bot.unit-guard');

if (!(listen as { [marker]?: true })[marker]) {
  const guarded = function (this: Server): never {
    throw new Error(
      'a unit test started a server: name the file *.e2e.test.ts (or move it under an e2e/ folder) so it runs in the forks pool',
    );
  };
  Object.assign(guarded, { [marker]: true });
  Server.prototype.listen = guarded as unknown as typeof listen;
}
