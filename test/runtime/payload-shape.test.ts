import { describe, expect, it } from 'vitest';
import { checkPayloadShape, FORM } from '../../src/runtime/payload-shape.js';

const check = (type: string | undefined, body: string) => checkPayloadShape(type, Buffer.from(body));

describe('checkPayloadShape', () => {
  it('accepts what Slack sends', () => {
    expect(check(FORM, 'command=%2Fcoupon&text=1')).toEqual({ ok: true });
    expect(
      check(FORM, `payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":"a"}]}')}`),
    ).toEqual({ ok: true });
    // Types Bolt answers itself (or the app does not use) are left to Bolt.
    expect(check(FORM, `payload=${encodeURIComponent('{"type":"block_suggestion"}')}`)).toEqual({ ok: true });
    expect(check(FORM, 'ssl_check=1&token=x')).toEqual({ ok: true });
    expect(check('application/json', '{"type":"event_callback","event":{"type":"app_mention"}}')).toEqual({ ok: true });
    expect(check('application/json', '{"type":"url_verification","challenge":"c"}')).toEqual({ ok: true });
  });

  it.each([
    [FORM, 'payload=null', 'payload_not_object'],
    [FORM, 'payload=%5B%5D', 'payload_not_object'],
    [FORM, 'payload=%7B', 'payload_not_json'],
    [FORM, 'payload=%7B%7D', 'payload_without_type'],
    [FORM, 'payload=1&payload=2', 'payload_repeated'],
    [FORM, 'text=hi', 'no_command'],
    ['application/json', 'null', 'body_not_object'],
    ['application/json', '{"type":""}', 'body_without_type'],
    // Bolt parses anything but the exact form type as JSON: so do we.
    [`${FORM}; charset=utf-8`, 'command=%2Fcoupon', 'body_not_json'],
    [undefined, '', 'body_not_json'],
    [FORM, `payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U1"},"actions":[]}')}`, 'block_actions_without_actions'],
    [FORM, `payload=${encodeURIComponent('{"type":"block_actions","actions":[{}]}')}`, 'block_actions_without_user'],
    [FORM, `payload=${encodeURIComponent('{"type":"shortcut","user":{"id":"U1"}}')}`, 'shortcut_without_callback_id'],
    ['application/json', '{"type":"event_callback","event":{"text":"hi"}}', 'event_callback_without_event'],
  ])('%s %s → %s', (type, body, reason) => {
    expect(check(type, body)).toEqual({ ok: false, reason });
  });
});
