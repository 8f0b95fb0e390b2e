/**
 * Slack request signing, done the way Slack does it, for building real signed requests. The
 * workbench signs its requests to the bot the same way; both use one implementation (the bot's
 * own check, src/runtime/slack-signature.ts, is separate code on the other side of the wire).
 */
export { signedHeaders, slackSignature } from '../../src/workbench/signer.js';
