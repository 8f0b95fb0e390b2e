import { describe, expect, it } from 'vitest';
import { createLogger, errorFields, type LoggerOptions } from '../../src/log/logger.js';

const T0 = Date.UTC(2024, 2, 2, 3, 4, 5, 678);
const BOT_TOKEN = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx';
const APP_TOKEN = 'xapp-1-A0123BCDEFG-1234567890123-abcdef0123456789';
const SIGNING_SECRET = '8f14e45fceea167a5a36dedd4bea2543';
const BARCODE = '012345678901';
const PHONE = '010-9876-5432';

function capture(options: LoggerOptions = {}) {
  const lines: string[] = [];
  const logger = createLogger({ clock: () => T0, sink: (l) => lines.push(l), ...options });
  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, parsed };
}

describe('createLogger: format', () => {
  it('writes one JSON object per line with time, level, msg and fields', () => {
    const { logger, lines, parsed } = capture();
    logger.event('info', 'lookup', { outcome: 'unused', latencyMs: 12, cacheHit: false });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(parsed()[0]).toEqual({
      time: '2024-03-02T03:04:05.678Z',
      level: 'info',
      msg: 'lookup',
      outcome: 'unused',
      latencyMs: 12,
      cacheHit: false,
    });
    // Core keys come first, for people reading raw lines (pino's order: level, time, then ours).
    expect(Object.keys(parsed()[0]!).slice(0, 3)).toEqual(['level', 'time', 'msg']);
  });

  it('adds the name when one is set, also via setName', () => {
    const named = capture({ name: 'coupon-bot' });
    named.logger.info('hello');
    expect(named.parsed()[0]).toMatchObject({ name: 'coupon-bot', msg: 'hello' });

    const later = capture();
    later.logger.setName('bolt');
    later.logger.warn('x');
    expect(later.parsed()[0]).toMatchObject({ name: 'bolt', level: 'warn' });
  });

  it('joins Bolt-style message parts: strings, objects as JSON, errors as name: message', () => {
    const { logger, parsed } = capture();
    logger.error('failed', { status: 429 }, new TypeError('boom'));
    expect(parsed()[0]).toMatchObject({ level: 'error', msg: 'failed {"status":429} TypeError: boom' });
  });

  it('cannot have its core keys replaced by a field of the same name', () => {
    const { logger, parsed } = capture();
    logger.event('warn', 'real_event', { level: 'debug', msg: 'fake', time: 'never' });
    expect(parsed()[0]).toMatchObject({ level: 'warn', msg: 'real_event', time: '2024-03-02T03:04:05.678Z' });
  });

  it('still writes a line for a cyclic field', () => {
    const { logger, parsed } = capture();
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    logger.event('info', 'cyclic', { cyclic });
    expect(parsed()[0]).toMatchObject({ msg: 'cyclic', cyclic: { a: 1 } });
  });
});

describe('createLogger: levels', () => {
  it('defaults to info: debug is dropped, info and above kept', () => {
    const { logger, parsed } = capture();
    logger.debug('d');
    logger.event('debug', 'd2');
    logger.info('i');
    logger.warn('w');
    logger.event('error', 'e');
    expect(parsed().map((l) => l.level)).toEqual(['info', 'warn', 'error']);
    expect(logger.getLevel()).toBe('info');
  });

  it.each([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ] as const)('at level %s keeps %j', (level, kept) => {
    const { logger, parsed } = capture({ level });
    for (const l of ['debug', 'info', 'warn', 'error'] as const) logger.event(l, `m_${l}`);
    expect(parsed().map((l) => l.level)).toEqual(kept);
  });

  it('setLevel (as Bolt calls it) changes the filter', () => {
    const { logger, parsed } = capture({ level: 'error' });
    logger.warn('dropped');
    logger.setLevel('debug' as Parameters<typeof logger.setLevel>[0]);
    logger.debug('kept');
    expect(parsed().map((l) => l.msg)).toEqual(['kept']);
    expect(logger.getLevel()).toBe('debug');
  });
});

describe('createLogger: child', () => {
  it('adds its bindings to every line, nested bindings merged, without touching the parent', () => {
    const { logger, parsed } = capture();
    const child = logger.child({ entry: 'command', channel: 'C0123ABCD' });
    const grandchild = child.child({ user: 'U0123ABCD' });
    grandchild.event('info', 'lookup', { outcome: 'used' });
    logger.event('info', 'parent');
    const [g, p] = parsed();
    expect(g).toMatchObject({ msg: 'lookup', entry: 'command', channel: 'C0123ABCD', user: 'U0123ABCD', outcome: 'used' });
    expect(p).toEqual({ time: '2024-03-02T03:04:05.678Z', level: 'info', msg: 'parent' });
  });

  it('lets event fields override bindings of the same name', () => {
    const { logger, parsed } = capture();
    logger.child({ entry: 'command' }).event('info', 'x', { entry: 'modal' });
    expect(parsed()[0]).toMatchObject({ entry: 'modal' });
  });

  it('inherits the level and the name in force when it is made', () => {
    const { logger, parsed } = capture({ level: 'info' });
    logger.setLevel('warn' as Parameters<typeof logger.setLevel>[0]);
    logger.setName('bot');
    const child = logger.child({ part: 'gate' });
    child.info('dropped');
    child.warn('kept');
    expect(parsed()).toHaveLength(1);
    expect(parsed()[0]).toMatchObject({ name: 'bot', part: 'gate', msg: 'kept' });
  });
});

describe('createLogger: nothing secret or personal reaches the output', () => {
  function everyWay(): string {
    const { logger, lines } = capture({ level: 'debug' });
    // Free text, as Bolt writes it.
    logger.error(`An API error occurred: invalid_auth for token ${BOT_TOKEN}`);
    logger.debug('socket-mode', { appToken: APP_TOKEN, url: `wss://example.invalid/?ticket=1&token=${APP_TOKEN}` });
    logger.warn(`signature mismatch, signing_secret=${SIGNING_SECRET}`);
    logger.info(`verifying request with ${SIGNING_SECRET}`);
    logger.info(`customer ${PHONE} says ${BARCODE} is used`);
    // Structured fields, including careless ones.
    logger.event('info', 'lookup', { barcode: BARCODE, goods: '0000133518', user: 'U0123ABCD' });
    logger.event('info', 'lookup', { barcode: 'AB1234567', barcodes: [BARCODE, '9988776655'] });
    logger.event('warn', 'config', { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, appToken: APP_TOKEN });
    logger.event('warn', 'odd', { detail: `posted with ${BOT_TOKEN}`, note: `call ${PHONE}`, receiverPhone: '01098765432' });
    logger.child({ token: BOT_TOKEN, barcode: BARCODE }).event('info', 'child_bindings');
    logger.event('error', 'failed', errorFields(new Error(`xapp rejected: ${APP_TOKEN}; customer 010.9876.5432`)));
    return lines.join('\n');
  }

  it.each([
    ['bot token', BOT_TOKEN],
    ['bot token body', '0987654321-AbCdEf'],
    ['app token', APP_TOKEN],
    ['app token body', 'A0123BCDEFG-1234567890123'],
    ['signing secret', SIGNING_SECRET],
    ['full barcode', BARCODE],
    ['first eight digits of the barcode', '01234567'],
    ['short barcode passed as barcode', 'AB1234567'],
    ['second barcode', '9988776655'],
    ['phone number', PHONE],
    ['phone number digits', '01098765432'],
    ['phone middle block', '9876'],
  ])('never contains the %s', (_name, needle) => {
    expect(everyWay()).not.toContain(needle);
  });

  it('still says what happened: markers and the last four digits remain', () => {
    const out = everyWay();
    expect(out).toContain('xoxb-[redacted]');
    expect(out).toContain('••••8901');
    expect(out).toContain('"goods":"0000133518"');
    expect(out).toContain('"user":"U0123ABCD"');
  });
});

describe('errorFields', () => {
  it('gives the redacted error text and its code', () => {
    const e = Object.assign(new Error(`no ${BOT_TOKEN}`), { code: 'slack_webapi_platform_error' });
    expect(errorFields(e)).toEqual({ error: 'Error: no xoxb-[redacted]', errorCode: 'slack_webapi_platform_error' });
  });

  it('handles non-errors', () => {
    expect(errorFields(`barcode ${BARCODE}`)).toEqual({ error: 'barcode ••••8901' });
    expect(errorFields(undefined)).toEqual({ error: 'undefined' });
  });
});
