/** The page's stylesheet (served as /app.css). System fonts only: nothing is loaded from outside. */
export const PAGE_CSS = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:15px/1.46 -apple-system,BlinkMacSystemFont,"Segoe UI","Apple SD Gothic Neo","Noto Sans CJK KR","NanumGothic","Malgun Gothic",Roboto,Helvetica,Arial,sans-serif,"Apple Color Emoji","Noto Color Emoji";color:#1d1c1d;background:#fff}
button{font:inherit;cursor:pointer}
.app{display:grid;grid-template-rows:40px 1fr;height:100vh}
.topbar{background:#350d36;color:#fff;display:flex;align-items:center;gap:16px;padding:0 16px;font-size:13px}
.topbar strong{font-size:14px}
.topbar .note{opacity:.8}
.topbar .spacer{flex:1}
.topbar select{font:inherit;padding:2px 4px;border-radius:4px}
.workspace{display:grid;grid-template-columns:220px 1fr auto;min-height:0}
.sidebar{background:#3f0e40;color:#cfc3cf;padding:12px 0;overflow:auto}
.side-title{font-size:13px;font-weight:600;margin:12px 16px 4px;color:#cfc3cf}
.chan-list{list-style:none;margin:0;padding:0}
.chan{display:block;width:100%;text-align:left;background:none;border:0;color:#cfc3cf;padding:4px 16px 4px 24px;font-size:15px}
.chan:hover{background:#350d36}
.chan--current{background:#1164a3;color:#fff}
.chan-note{font-size:11px;background:#e01e5a;color:#fff;border-radius:3px;padding:0 4px;margin-left:4px}
.pane{display:flex;flex-direction:column;min-width:0;min-height:0;border-right:1px solid #ddd}
.pane-head h1,.pane-head h2{font-size:17px;margin:0}
.pane-head{height:49px;border-bottom:1px solid #ddd;display:flex;align-items:center;justify-content:space-between;padding:0 20px;font-weight:700;font-size:17px}
.messages{list-style:none;margin:0;padding:8px 0;overflow:auto;flex:1}
.msg{display:grid;grid-template-columns:36px 1fr auto;gap:8px;padding:6px 20px;position:relative}
.msg:hover{background:#f8f8f8}
.msg--ephemeral{background:#f4f8fc}
.msg-empty{color:#616061;padding:20px}
.avatar{width:36px;height:36px;border-radius:6px;background:#e8912d;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700}
.avatar--bot{background:#2eb67d}
.msg-main{min-width:0}
.msg-head{display:flex;gap:6px;align-items:baseline}
.msg-author{font-weight:900}
.badge{font-size:10px;background:#e8e8e8;color:#616061;border-radius:2px;padding:0 3px;font-weight:700}
.msg-time,.msg-edited{color:#616061;font-size:12px}
.msg-ephemeral-note{color:#616061;font-size:12px}
.msg-body{word-wrap:break-word}
.msg-replies{background:none;border:0;color:#1264a3;font-weight:700;font-size:13px;padding:2px 0}
.msg-tools{display:flex;gap:12px;font-size:12px;color:#616061;margin-top:2px}
.msg-json summary{cursor:pointer}
.msg-json pre{max-height:320px;overflow:auto;background:#f8f8f8;border:1px solid #ddd;padding:8px;font-size:12px;white-space:pre-wrap}
.msg-builder{color:#1264a3}
.msg-actions{opacity:0}
.msg:hover .msg-actions,.msg:focus-within .msg-actions,.msg--ephemeral .msg-actions{opacity:1}
.msg-more{border:1px solid #ddd;background:#fff;border-radius:4px;width:30px;height:28px}
.msg-menu-wrap{position:relative}
.msg-menu{position:absolute;right:0;top:30px;z-index:5;background:#fff;border:1px solid #ccc;border-radius:6px;box-shadow:0 4px 12px rgba(0,0,0,.15);padding:6px 0;min-width:180px}
.msg-menu button{display:block;width:100%;text-align:left;background:none;border:0;padding:6px 16px}
.msg-menu button:hover,.msg-menu button:focus{background:#1164a3;color:#fff;outline:none}
.link-button{background:none;border:0;color:#1264a3;font-size:12px}
.composer{margin:0 20px 20px;border:1px solid #bbb;border-radius:8px;padding:8px;display:flex;gap:8px}
.composer textarea{flex:1;border:0;resize:none;font:inherit;outline:none;min-height:22px}
.composer button{background:#007a5a;color:#fff;border:0;border-radius:4px;padding:0 12px}
.thread{width:400px;display:flex;flex-direction:column;min-height:0}
.thread[hidden]{display:none}
.thread .pane-head button{background:none;border:0;font-size:20px}
/* Block Kit */
.bk-block{margin:4px 0}
.bk-header-text{font-size:18px;font-weight:900;margin:8px 0 4px}
.bk-section{display:flex;gap:12px;align-items:flex-start}
.bk-section-body{flex:1;min-width:0}
.bk-fields{display:grid;grid-template-columns:1fr 1fr;gap:8px 16px;margin-top:4px}
.bk-context{color:#616061;font-size:13px;display:flex;flex-wrap:wrap;gap:4px 10px}
.bk-actions{display:flex;gap:8px;flex-wrap:wrap}
.bk-button{display:inline-block;border:1px solid #bbb;background:#fff;color:#1d1c1d;border-radius:4px;padding:3px 12px;font-weight:700;font-size:14px;text-decoration:none}
.bk-button:hover{background:#f8f8f8}
.bk-button--primary{background:#007a5a;border-color:#007a5a;color:#fff}
.bk-button--primary:hover{background:#148567}
.bk-button--danger{background:#e01e5a;border-color:#e01e5a;color:#fff}
.bk-divider{border:0;border-top:1px solid #ddd}
.bk-image{display:inline-block;border:1px dashed #bbb;padding:4px 8px;color:#616061}
.bk-unsupported{color:#e01e5a;font-family:monospace}
.bk-attachment{border-left:4px solid #ddd;padding-left:10px;margin:4px 0}
.bk-rt-section{white-space:pre-wrap}
.mk-code{font:12px Menlo,Consolas,monospace;background:#f6f6f6;border:1px solid #ddd;border-radius:3px;padding:1px 3px;color:#e01e5a}
.mk-pre{font:12px Menlo,Consolas,monospace;background:#f8f8f8;border:1px solid #ddd;border-radius:4px;padding:8px;white-space:pre-wrap;margin:4px 0}
.mk-quote{border-left:4px solid #ddd;margin:2px 0;padding-left:10px}
.mk-mention,.mk-channel{background:#e8f5fa;color:#1264a3;border-radius:3px;padding:0 2px}
.mk-link{color:#1264a3}
/* modal */
.overlay{position:fixed;inset:0;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;z-index:10}
.overlay[hidden]{display:none}
.bk-modal{background:#fff;border-radius:8px;width:520px;max-height:90vh;display:flex;flex-direction:column;box-shadow:0 18px 48px rgba(0,0,0,.35)}
.bk-modal-form{display:flex;flex-direction:column;min-height:0}
.bk-modal-header{display:flex;justify-content:space-between;align-items:center;padding:16px 24px;border-bottom:1px solid #ddd}
.bk-modal-title{margin:0;font-size:22px}
.bk-modal-x{background:none;border:0;font-size:24px}
.bk-modal-body{padding:16px 24px;overflow:auto}
.bk-modal-footer{display:flex;justify-content:flex-end;gap:8px;padding:16px 24px;border-top:1px solid #ddd}
.bk-modal-banner{background:#fdecef;color:#a0153e;padding:8px;border-radius:4px;margin-bottom:8px}
.bk-input{display:flex;flex-direction:column;gap:4px;margin:12px 0}
.bk-label{font-weight:700}
.bk-text-input,.bk-textarea,.bk-select{font:inherit;border:1px solid #bbb;border-radius:4px;padding:6px 8px}
.bk-input[data-invalid] .bk-text-input,.bk-input[data-invalid] .bk-textarea,.bk-input[data-invalid] .bk-select{border-color:#e01e5a}
.bk-error{color:#e01e5a;font-size:13px;white-space:pre-wrap}
.bk-hint{color:#616061;font-size:13px}
.toast{position:fixed;bottom:16px;left:50%;transform:translateX(-50%);background:#1d1c1d;color:#fff;padding:8px 16px;border-radius:6px;z-index:20}
.toast[hidden]{display:none}
:focus-visible{outline:2px solid #1264a3;outline-offset:1px}
`;
