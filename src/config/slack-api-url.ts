/**
 * The Slack Web API base URL, one way for every caller (the Web API client, Socket Mode's
 * client, the plain `users.info` POST): `SLACK_API_URL` or Slack's own, always ending in `/`
 * so method names append (`…/api/` + `users.info`).
 */

/** Slack's own Web API base. */
export const SLACK_API_DEFAULT = 'https://slack.com/api/';

/** `SLACK_API_URL` (already validated as http/https) → the base methods are appended to. */
export function slackApiBase(url: string | undefined): string {
  if (url === undefined) return SLACK_API_DEFAULT;
  return url.endsWith('/') ? url : `${url}/`;
}
