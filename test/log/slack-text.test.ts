import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { redactFields } from '../../src/log/redact.js';
import { scrubSlackText } from '../../src/log/slack-text.js';

const HOOK = 'https://hooks.slack.com/actions/T0123ABCD/5566778899/AbCdEfGhIjKlMnOpQrStUv';
const TRIGGER = '6789012345.1234567890.abcdef0123456789abcdef0123456789';

describe('scrubSlackText', () => {
  it('removes response_url and trigger_id values, in JSON, escaped JSON and form bodies', () => {
    const json = JSON.stringify({
      trigger_id: TRIGGER,
      response_url: HOOK,
      view: { private_metadata: JSON.stringify({ c: 'C1', r: HOOK }) },
    });
    const form = `trigger_id=${encodeURIComponent(TRIGGER)}&response_url=${encodeURIComponent(HOOK)}&text=hi`;
    for (const text of [json, form, `http request body: ${json}`, JSON.stringify({ response_urls: [HOOK] })]) {
      const out = scrubSlackText(text);
      expect(out).not.toContain('AbCdEfGhIjKlMnOpQrStUv');
      expect(out).not.toContain('5566778899');
      expect(out).not.toContain('6789012345');
    }
    expect(scrubSlackText(form)).toContain('text=hi');
  });

  it('keeps scheme and host of any URL, and Web API method URLs whole', () => {
    expect(scrubSlackText(`posting to ${HOOK} failed`)).toBe('posting to https://hooks.slack.com/[redacted] failed');
    expect(scrubSlackText('wss://wss-primary.slack.com/link/?ticket=abc-123&app_id=A1')).toBe('wss://wss-primary.slack.com/[redacted]');
    expect(scrubSlackText('http request url: https://slack.com/api/chat.postMessage')).toBe(
      'http request url: https://slack.com/api/chat.postMessage',
    );
  });
});

describe('the logger', () => {
  it('drops Slack credentials from structured fields by name and shape, and from Bolt text', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', sink: (l) => lines.push(l) });
    logger.event('info', 'careless', { responseUrl: HOOK, trigger_id: TRIGGER, nested: { response_url: HOOK }, note: `see ${HOOK}` });
    logger.debug(`http request body: {"trigger_id":"${TRIGGER}","response_url":"${HOOK}"}`);
    logger.error(new Error(`An HTTP protocol error occurred: POST ${HOOK}`));
    const out = lines.join('\n');
    expect(out).not.toContain('AbCdEfGhIjKlMnOpQrStUv');
    expect(out).not.toContain('6789012345');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      responseUrl: '[redacted]',
      trigger_id: '[redacted]',
      nested: { response_url: '[redacted]' },
    });
  });

  it('keeps our configured endpoints in the started line', () => {
    expect(redactFields({ coufunUrl: 'http://127.0.0.1:8446/b2c_api/coufunPartAmountStatus.do' })).toEqual({
      coufunUrl: 'http://127.0.0.1:8446/b2c_api/coufunPartAmountStatus.do',
    });
  });

  it('scrubs URLs inside arrays of strings too', () => {
    expect(redactFields({ urls: [HOOK] })).toEqual({ urls: ['https://hooks.slack.com/[redacted]'] });
  });
});

describe('scrubSlackText leaves prose alone', () => {
  it('keeps a status after the word response_url', () => {
    expect(scrubSlackText('Failed to respond to the response_url: 404 Not Found')).toBe(
      'Failed to respond to the response_url: 404 Not Found',
    );
  });
});
