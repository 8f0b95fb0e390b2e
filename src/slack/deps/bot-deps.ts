/** Everything the Slack listeners need, injected once by the composition root. */
import type { Catalog } from '../../config/catalog.js';
import type { Clock } from '../../time/clock.js';
import type { CoufunEnv } from '../../coufun/types.js';
import type { Logger } from '../../log/logger.js';
import type { LookupService } from '../../lookup/types.js';
import type { ButtonRefs } from '../../stores/button-refs.js';
import type { KeyValueStore, RateLimiter } from '../../stores/types.js';
import type { LeanFetch } from '../../runtime/lean-fetch.js';
import type { LocaleResolver } from '../locale/resolver.js';
import type { ChannelAllowlist } from '../../config/allowlist.js';
import type { WorkTracker } from '../../runtime/work.js';
import type { BotMetrics } from '../../metrics/bot-metrics.js';

export interface BotDeps {
  readonly lookup: LookupService;
  readonly catalog: Catalog;
  readonly allowlist: ChannelAllowlist;
  readonly limiter: RateLimiter;
  readonly locales: LocaleResolver;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly coufunEnv: CoufunEnv;
  readonly work: WorkTracker;
  /** The pool for every call to Slack (Web API, response_url). */
  readonly http: LeanFetch;
  /** Claims of events already handled (`SharedState.seen`): a store of its own, apart from references and answers. */
  readonly store: KeyValueStore;
  /** Requests behind thread cards' buttons. */
  readonly buttonRefs: ButtonRefs;
  /** The slash command's name, for help texts. */
  readonly command: string;
  /** Where lookups and refusals are counted (`GET /metrics`); absent in tests that do not care. */
  readonly metrics?: BotMetrics;
}
