/** The simulated handset page: a phone with a keypad and its messages (plain HTML + JS, Chinese first). */

export const HANDSET_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>模拟手机 · ISMG 模拟器</title>
<link rel="stylesheet" href="/handset.css">
</head>
<body>
<main class="phone">
  <div class="screen">
    <header><label for="number">本机号码</label><input id="number" inputmode="numeric" maxlength="21" autocomplete="off"></header>
    <ol id="messages" aria-live="polite"></ol>
    <form id="compose">
      <div class="row"><label for="to">发送至</label><input id="to" inputmode="numeric" maxlength="21" placeholder="服务代码 + 扩展号" autocomplete="off"></div>
      <textarea id="text" rows="2" maxlength="1000" placeholder="短信内容"></textarea>
      <div class="keypad" id="keypad"></div>
      <div class="actions"><button type="button" id="clear">清除</button><button type="submit">发送</button></div>
    </form>
  </div>
  <p id="status">正在连接模拟器…</p>
</main>
<script src="/handset.js"></script>
</body>
</html>
`;

export const HANDSET_STYLE = `body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; background: #e8ecef; margin: 0; padding: 24px; }
.phone { width: 340px; margin: 0 auto; background: #222; border-radius: 32px; padding: 18px; color: #222; }
.screen { background: #f7f7f2; border-radius: 12px; padding: 8px; }
header, .row { display: flex; gap: 6px; align-items: center; font-size: 13px; margin-bottom: 6px; }
input, textarea { font: inherit; border: 1px solid #bbb; border-radius: 4px; padding: 3px 5px; }
header input, .row input { flex: 1; }
#messages { list-style: none; margin: 0; padding: 0; height: 340px; overflow-y: auto; background: #fff; border-radius: 6px; }
#messages li { margin: 6px; padding: 6px 8px; border-radius: 8px; max-width: 82%; white-space: pre-wrap; word-break: break-all; font-size: 14px; }
#messages li.in { background: #eef3fb; }
#messages li.out { background: #dff5d8; margin-left: auto; }
#messages li.push { border: 1px solid #7aa7e0; }
.meta { display: block; color: #777; font-size: 11px; margin-bottom: 2px; }
textarea { width: 100%; box-sizing: border-box; resize: none; }
.keypad { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6px; margin-top: 8px; }
.keypad button, .actions button { font-size: 18px; padding: 8px 0; border: 0; border-radius: 8px; background: #444; color: #fff; cursor: pointer; }
.actions { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; margin-top: 6px; }
.actions button[type=submit] { background: #2d7d46; }
#status { color: #ccc; font-size: 12px; text-align: center; margin: 8px 0 0; }
`;

export const HANDSET_SCRIPT = `'use strict';
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const numberInput = $('number');
const toInput = $('to');
const text = $('text');
numberInput.value = params.get('number') || localStorage.getItem('ismg.number') || '13800138000';
toInput.value = params.get('to') || localStorage.getItem('ismg.to') || '';

for (const key of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = key;
  button.addEventListener('click', () => { text.value += key; text.focus(); });
  $('keypad').appendChild(button);
}
$('clear').addEventListener('click', () => { text.value = ''; });

function entry(className, meta, body, href) {
  const li = document.createElement('li');
  li.className = className;
  const small = document.createElement('span');
  small.className = 'meta';
  small.textContent = meta;
  li.appendChild(small);
  li.appendChild(document.createTextNode(body));
  if (href) {
    li.appendChild(document.createElement('br'));
    if (/^https?:\\/\\//.test(href)) {
      const a = document.createElement('a');
      a.href = href;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      a.textContent = href;
      li.appendChild(a);
    } else li.appendChild(document.createTextNode(href));
  }
  return li;
}

const time = (iso) => new Date(iso).toLocaleTimeString('zh-CN');

function render(view) {
  const list = $('messages');
  const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
  const items = [
    ...view.received.map((m) => ({ at: m.receivedAt, node: m.kind === 'wap_push'
      ? entry('in push', '来自 ' + m.from + ' · WAP Push · ' + time(m.receivedAt), m.text, m.href)
      : entry('in', '来自 ' + m.from + ' · ' + time(m.receivedAt) + (m.parts > 1 ? ' · ' + m.parts + ' 条拼接' : ''), m.kind === 'text' ? m.text : '[二进制短信] ' + (m.error || m.hex)) })),
    ...view.sent.map((m) => ({ at: m.at, node: entry('out', '发往 ' + m.to + ' · ' + time(m.at), m.text) })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  list.replaceChildren(...items.map((i) => i.node));
  if (atBottom) list.scrollTop = list.scrollHeight;
}

async function refresh() {
  const number = numberInput.value.trim();
  try {
    if (/^\\d{3,21}$/.test(number)) render(await (await fetch('/api/handsets/' + number)).json());
    const status = await (await fetch('/api/status')).json();
    const bound = status.sessions.filter((s) => s.bound).length;
    $('status').textContent = bound ? 'SP ' + status.spId + ' 已连接（' + bound + ' 条链路）' : 'SP ' + status.spId + ' 未连接';
  } catch {
    $('status').textContent = '模拟器无响应';
  }
}

$('compose').addEventListener('submit', async (event) => {
  event.preventDefault();
  const number = numberInput.value.trim();
  localStorage.setItem('ismg.number', number);
  localStorage.setItem('ismg.to', toInput.value.trim());
  const response = await fetch('/api/handsets/' + number + '/mo', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to: toInput.value.trim(), text: text.value }),
  });
  if (response.ok) text.value = '';
  else $('status').textContent = '发送失败：' + (await response.json()).message;
  refresh();
});
numberInput.addEventListener('change', refresh);
refresh();
setInterval(refresh, 1000);
`;
