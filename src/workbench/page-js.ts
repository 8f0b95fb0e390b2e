/**
 * The page's script (served as /app.js): plain browser JavaScript, no dependencies. It draws
 * what the server renders (GET /ui/state), follows changes over SSE (/events), and turns what
 * the person does into POST /ui/* calls. It never builds HTML from strings itself: server HTML
 * is already escaped, everything else goes through textContent.
 */
export const PAGE_JS = `
(() => {
  'use strict';
  const $ = (s, el) => (el || document).querySelector(s);
  const $$ = (s, el) => Array.from((el || document).querySelectorAll(s));
  const params = new URLSearchParams(location.search);
  let channel = params.get('channel') || document.body.dataset.defaultChannel;
  let thread = null;
  let modalKey = null;
  let lastFocus = null;
  let pending = 0;
  const openJson = new Set();
  let scheduled = null;

  function busy(delta) {
    pending += delta;
    if (pending > 0) document.body.setAttribute('aria-busy', 'true');
    else document.body.removeAttribute('aria-busy');
  }

  function toast(text) {
    const t = $('#toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.hidden = true; }, 4000);
  }

  async function post(path, body) {
    busy(1);
    try {
      const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const answer = await res.json().catch(() => ({}));
      if (!res.ok || answer.ok === false) toast(answer.error || ('HTTP ' + res.status));
      return answer;
    } catch (e) {
      toast(String(e));
      return {};
    } finally {
      busy(-1);
      refresh();
    }
  }

  function refresh() {
    if (scheduled) return;
    scheduled = setTimeout(async () => {
      scheduled = null;
      const q = new URLSearchParams({ channel });
      if (thread) q.set('thread', thread);
      try {
        const res = await fetch('/ui/state?' + q.toString());
        render(await res.json());
      } catch (e) {
        toast(String(e));
      }
    }, 30);
  }

  function keepScroll(list, html) {
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.innerHTML = html;
    if (atBottom) list.scrollTop = list.scrollHeight;
  }

  function render(s) {
    document.documentElement.lang = s.locale;
    $('#locale').value = s.locale;
    $('#me').textContent = s.me.name;
    $$('.composer button[type=submit]').forEach((b) => { b.textContent = s.send; });
    $('#sidebar').innerHTML = s.sidebar;
    $('#channel-title').textContent = s.channel.title;
    const input = $('#composer-input');
    input.placeholder = s.channel.placeholder;
    keepScroll($('#messages'), s.messages);
    const pane = $('#thread');
    if (s.thread) {
      pane.hidden = false;
      $('#thread-title').textContent = s.thread.title;
      $('#thread-close').setAttribute('aria-label', s.thread.close);
      $('#thread-input').placeholder = s.thread.placeholder;
      keepScroll($('#thread-messages'), s.thread.html);
    } else {
      pane.hidden = true;
      $('#thread-messages').innerHTML = '';
    }
    $$('details.msg-json').forEach((d) => { if (openJson.has(d.dataset.jsonFor)) d.open = true; });
    renderModal(s.modal);
    document.body.dataset.version = String(s.version);
  }

  function renderModal(m) {
    const overlay = $('#overlay');
    if (!m) {
      if (modalKey !== null) {
        overlay.innerHTML = '';
        overlay.hidden = true;
        $('.app').inert = false;
        modalKey = null;
        if (lastFocus && document.contains(lastFocus)) lastFocus.focus();
        else $('#composer-input').focus();
      }
      return;
    }
    if (m.key !== modalKey) {
      if (modalKey === null) lastFocus = document.activeElement;
      overlay.innerHTML = m.html;
      overlay.hidden = false;
      // Keyboard and screen readers stay in the modal, as in Slack.
      $('.app').inert = true;
      modalKey = m.key;
      const first = $('input, textarea, select, button', overlay);
      if (first) first.focus();
      return;
    }
    // Same view: show the inline errors without touching what was typed.
    $$('.bk-input', overlay).forEach((block) => {
      const id = block.dataset.blockId;
      $$('.bk-error', block).forEach((e) => e.remove());
      const control = $('input, textarea, select', block);
      const message = m.errors[id];
      if (message === undefined) { block.removeAttribute('data-invalid'); return; }
      block.setAttribute('data-invalid', 'true');
      const err = document.createElement('div');
      err.className = 'bk-error';
      err.setAttribute('role', 'alert');
      err.id = (control ? control.id : id) + '-error';
      err.textContent = message;
      if (control) {
        control.insertAdjacentElement('afterend', err);
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', err.id);
      } else block.appendChild(err);
    });
    const invalid = $('[data-invalid] input, [data-invalid] textarea, [data-invalid] select', overlay);
    if (invalid) invalid.focus();
  }

  function formValues(form) {
    const values = {};
    $$('input[name], textarea[name], select[name]', form).forEach((el) => {
      const dot = el.name.indexOf('.');
      const block = el.name.slice(0, dot);
      const action = el.name.slice(dot + 1);
      (values[block] = values[block] || {})[action] = el.value;
    });
    return values;
  }

  function closeMenus(except) {
    $$('.msg-menu').forEach((menu) => {
      if (menu === except) return;
      menu.hidden = true;
      const toggle = $('[data-menu-toggle="' + menu.id + '"]');
      if (toggle) toggle.setAttribute('aria-expanded', 'false');
    });
  }

  function openMenu(toggle) {
    const menu = document.getElementById(toggle.dataset.menuToggle);
    const open = menu.hidden;
    closeMenus(menu);
    menu.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) { const first = $('[role=menuitem]', menu); if (first) first.focus(); }
  }

  function viewIdOf(el) {
    const modal = el.closest('.bk-modal');
    return modal ? modal.dataset.viewId : undefined;
  }

  document.addEventListener('click', (e) => {
    const t = e.target.closest('button, a');
    if (!t) { closeMenus(); return; }
    if (t.dataset.menuToggle) { openMenu(t); return; }
    closeMenus();
    if (t.dataset.channel) {
      channel = t.dataset.channel;
      thread = null;
      history.replaceState(null, '', '?channel=' + encodeURIComponent(channel));
      refresh();
      $('#composer-input').focus();
      return;
    }
    if (t.dataset.openThread) { thread = t.dataset.openThread; $('#thread-messages').innerHTML = ''; refresh(); return; }
    if (t.id === 'thread-close') { thread = null; $('#thread').hidden = true; $('#thread-messages').innerHTML = ''; refresh(); return; }
    if (t.dataset.shortcut) { post('/ui/shortcut', { messageId: t.dataset.shortcut }); return; }
    if (t.dataset.dismiss) { post('/ui/dismiss', { messageId: t.dataset.dismiss }); return; }
    if (t.dataset.modal === 'close') { const id = viewIdOf(t); if (id) post('/ui/view-close', { viewId: id }); return; }
    if (t.dataset.actionId && t.tagName === 'BUTTON') {
      const viewId = viewIdOf(t);
      const msg = t.closest('[data-message-id]');
      const body = { actionId: t.dataset.actionId, blockId: t.dataset.blockId, kind: t.dataset.kind, value: t.dataset.value };
      if (viewId) post('/ui/action', Object.assign(body, { viewId, values: formValues(t.closest('form')) }));
      else if (msg) post('/ui/action', Object.assign(body, { messageId: msg.dataset.messageId }));
    }
  });

  document.addEventListener('change', (e) => {
    const t = e.target;
    if (t.id === 'locale') { post('/ui/locale', { locale: t.value }); return; }
    if (t.tagName === 'SELECT' && t.dataset.actionId && !t.name) {
      const msg = t.closest('[data-message-id]');
      const viewId = viewIdOf(t);
      const body = { actionId: t.dataset.actionId, blockId: t.dataset.blockId, kind: t.dataset.kind, value: t.value };
      if (viewId) post('/ui/action', Object.assign(body, { viewId, values: formValues(t.closest('form')) }));
      else if (msg) post('/ui/action', Object.assign(body, { messageId: msg.dataset.messageId }));
    }
  });

  document.addEventListener('toggle', (e) => {
    const d = e.target;
    if (d.matches && d.matches('details.msg-json')) { if (d.open) openJson.add(d.dataset.jsonFor); else openJson.delete(d.dataset.jsonFor); }
  }, true);

  document.addEventListener('submit', (e) => {
    e.preventDefault();
    const form = e.target;
    if (form.id === 'composer' || form.id === 'thread-composer') {
      const input = $('textarea', form);
      const text = input.value;
      if (text.trim() === '') return;
      input.value = '';
      post('/ui/send', { channel, text, threadTs: form.id === 'thread-composer' ? thread : undefined });
      return;
    }
    if (form.classList.contains('bk-modal-form')) {
      const id = viewIdOf(form);
      if (id) post('/ui/view-submit', { viewId: id, values: formValues(form) });
    }
  });

  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (t.tagName === 'TEXTAREA' && t.closest('.composer') && e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      t.closest('form').requestSubmit();
      return;
    }
    const menu = t.closest && t.closest('.msg-menu');
    if (menu) {
      const items = $$('[role=menuitem]', menu);
      const i = items.indexOf(t);
      if (e.key === 'ArrowDown') { e.preventDefault(); items[(i + 1) % items.length].focus(); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); items[(i - 1 + items.length) % items.length].focus(); }
      else if (e.key === 'Home') { e.preventDefault(); items[0].focus(); }
      else if (e.key === 'End') { e.preventDefault(); items[items.length - 1].focus(); }
      else if (e.key === 'Escape' || e.key === 'Tab') {
        const toggle = $('[data-menu-toggle="' + menu.id + '"]');
        closeMenus();
        if (e.key === 'Escape' && toggle) { e.preventDefault(); toggle.focus(); }
      }
      return;
    }
    if (e.key === 'Escape' && modalKey !== null) {
      const modal = $('#overlay .bk-modal');
      if (modal) post('/ui/view-close', { viewId: modal.dataset.viewId });
    }
  });

  const events = new EventSource('/events');
  events.onmessage = () => refresh();
  events.onopen = () => refresh();
  refresh();
})();
`;
