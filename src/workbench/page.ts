/** The page's HTML shell (served as /). Its changing parts are filled in by /app.js. */
import { escapeHtml } from './html.js';
import { CHANNELS } from './world.js';

export function pageHtml(): string {
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'">
<title>coupon-bot workbench</title>
<link rel="stylesheet" href="/app.css">
</head>
<body data-default-channel="${escapeHtml(CHANNELS.triage.id)}">
<div class="app">
<header class="topbar">
<strong>coupon-bot workbench</strong>
<span class="note">로컬 Slack 스탠드인 · a local stand-in for trying the bot, not Slack</span>
<span class="spacer"></span>
<span id="me"></span>
<label>Slack 언어 / language
<select id="locale">
<option value="ko">한국어 (ko-KR)</option>
<option value="en">English (en-US)</option>
</select></label>
</header>
<div class="workspace">
<nav class="sidebar" id="sidebar" aria-label="채널 / channels"></nav>
<main class="pane" aria-labelledby="channel-title">
<div class="pane-head"><h1 id="channel-title" class="pane-title"></h1></div>
<ol class="messages" id="messages" aria-live="polite"></ol>
<form class="composer" id="composer">
<textarea id="composer-input" rows="1" aria-label="메시지 / message"></textarea>
<button type="submit">보내기</button>
</form>
</main>
<aside class="thread pane" id="thread" aria-labelledby="thread-title" hidden>
<div class="pane-head"><h2 id="thread-title"></h2><button type="button" id="thread-close" aria-label="close">×</button></div>
<ol class="messages" id="thread-messages" aria-live="polite"></ol>
<form class="composer" id="thread-composer">
<textarea id="thread-input" rows="1" aria-label="답장 / reply"></textarea>
<button type="submit">보내기</button>
</form>
</aside>
</div>
</div>
<div class="overlay" id="overlay" hidden></div>
<div class="toast" id="toast" role="status" hidden></div>
<script src="/app.js"></script>
</body>
</html>
`;
}
