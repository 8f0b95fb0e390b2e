import { describe, expect, it } from 'vitest';
import { SLACK_API_DEFAULT, slackApiBase } from '../../src/config/slack-api-url.js';

describe('slackApiBase: the one Web API URL normaliser', () => {
  it("unset → Slack's own API", () => {
    expect(slackApiBase(undefined)).toBe(SLACK_API_DEFAULT);
    expect(SLACK_API_DEFAULT).toBe('https://slack.com/api/');
  });

  it('adds the trailing slash methods are appended to, once', () => {
    expect(slackApiBase('http://127.0.0.1:4000/api')).toBe('http://127.0.0.1:4000/api/');
    expect(slackApiBase('http://127.0.0.1:4000/api/')).toBe('http://127.0.0.1:4000/api/');
    expect(`${slackApiBase('https://proxy.example/slack')}users.info`).toBe('https://proxy.example/slack/users.info');
  });
});
