/** Label bounding: everything outside the fixed sets and strict patterns becomes `other`. */
import { describe, expect, it } from 'vitest';
import { entryLabel, slackErrorLabel, slackMethodLabel, vendorResultLabel } from '../../src/metrics/labels.js';

describe('metric labels', () => {
  it.each([
    ['command', 'command'],
    ['mention', 'mention'],
    ['U0ALICE', 'other'],
    [undefined, 'other'],
    [42, 'other'],
  ])('entry %s → %s', (input, label) => {
    expect(entryLabel(input)).toBe(label);
  });

  it.each([
    ['ok', 'ok'],
    ['vendor_16', 'vendor_16'],
    ['vendor_ABC', 'vendor_other'],
    ['timeout', 'timeout'],
    ['network', 'network'],
    ['bad_response', 'bad_response'],
    ['012345678901', 'other'],
  ])('vendor result %s → %s', (input, label) => {
    expect(vendorResultLabel(input)).toBe(label);
  });

  it.each([
    ['chat.postMessage', 'chat.postMessage'],
    ['users.info', 'users.info'],
    ['admin.users.session.reset', 'admin.users.session.reset'],
    ['auth', 'other'],
    ['chat.postMessage?token=xoxb-1', 'other'],
    ['Chat.post', 'other'],
    [undefined, 'other'],
  ])('Slack method %s → %s', (input, label) => {
    expect(slackMethodLabel(input)).toBe(label);
  });

  it.each([
    ['channel_not_found', 'channel_not_found'],
    ['http_503', 'http_503'],
    ['http_999', 'other'],
    ['invalid_auth!', 'other'],
    ['a'.repeat(41), 'other'],
    ['U0ALICE', 'other'],
    [undefined, 'other'],
  ])('Slack error %s → %s', (input, label) => {
    expect(slackErrorLabel(input)).toBe(label);
  });
});
