// Herald's debug console: plain JavaScript, no build step. The admin token stays in this page's
// memory: it goes to the admin API as a bearer header and to the feed socket as its first message.
'use strict';

const MAX_ROWS = 2000;        // rows kept on the page; older ones go
const MAX_PAUSED = 2000;      // entries held while paused
const STATS_EVERY_MS = 2000;
const CHART_POINTS = 60;      // two minutes of stats

const $ = (id) => document.getElementById(id);
let token = null;
let appId = null;
let socket = null;
let paused = false;
let held = [];
let statsTimer = null;
let reconnectTimer = null;
let history = [];

function setStatus(element, text, error) {
  element.textContent = text;
  element.classList.toggle('error', Boolean(error));
}

async function admin(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: Object.assign({ Authorization: 'Bearer ' + token },
      body === undefined ? {} : { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(json.error || response.status + ' ' + response.statusText);
  }
  return json;
}

// ---- login and app choice

$('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  token = $('token').value;
  try {
    const { apps } = await admin('GET', '/admin/v1/apps');
    const select = $('app');
    select.replaceChildren(new Option('choose an app…', ''));
    apps.forEach((app) => select.add(new Option(app.id + (app.enabled ? '' : ' (disabled)'), app.id)));
    $('login-form').hidden = true;
    $('app-picker').hidden = false;
    setStatus($('status'), 'Logged in: choose an app');
  } catch (error) {
    token = null;
    setStatus($('status'), 'Login refused: ' + error.message, true);
  }
});

$('app').addEventListener('change', () => {
  if ($('app').value) {
    watch($('app').value);
  }
});

function watch(id) {
  appId = id;
  clearRows();
  history = [];
  $('main').hidden = false;
  connect();
  clearInterval(statsTimer);
  refreshStats();
  statsTimer = setInterval(refreshStats, STATS_EVERY_MS);
}

// ---- the feed socket

function connect() {
  clearTimeout(reconnectTimer);
  if (socket) {
    socket.onclose = null;
    socket.close();
  }
  const watching = appId;
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  socket = new WebSocket(scheme + location.host + '/console/feed');
  setStatus($('status'), 'Connecting…');
  socket.onopen = () => socket.send(JSON.stringify({ token, app: watching }));
  socket.onmessage = (message) => {
    const entry = JSON.parse(message.data);
    if (entry.type === 'watching') {
      setStatus($('status'), 'Watching ' + entry.app + ' live');
    } else if (paused) {
      if (held.length < MAX_PAUSED) {
        held.push(entry);
      }
      updateCount();
    } else {
      addRow(entry);
    }
  };
  socket.onclose = (event) => {
    if (event.code >= 4400 && event.code < 4500) {
      setStatus($('status'), 'Feed refused (' + event.code + '): ' + event.reason, true);
      return;
    }
    setStatus($('status'), 'Feed lost; reconnecting…', true);
    reconnectTimer = setTimeout(connect, 2000);
  };
}

// ---- rows and filters

const tbody = () => $('feed').tBodies[0];

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text === undefined || text === null ? '' : String(text);
  if (className) {
    td.className = className;
  }
  return td;
}

function describe(entry) {
  if (entry.type === 'skipped') {
    return entry.count + ' events skipped (' + entry.reason + ')';
  }
  const parts = [];
  if (entry.data !== undefined) parts.push(entry.data + (entry.truncated ? ' …' : ''));
  if (entry.user_id) parts.push('user ' + entry.user_id);
  if (entry.origin) parts.push('origin ' + entry.origin);
  if (entry.ip) parts.push('ip ' + entry.ip);
  if (entry.url) parts.push(entry.url + (entry.count ? ' (' + entry.count + ' events)' : ''));
  if (entry.error) parts.push(entry.error);
  return parts.join('  ·  ');
}

function addRow(entry) {
  const row = tbody().insertRow(0);
  row.className = 'row';
  row.dataset.type = entry.type;
  row.dataset.channel = entry.channel || '';
  row.dataset.event = entry.event || '';
  cell(row, new Date(entry.time).toLocaleTimeString([], { hour12: false }) + '.' + String(entry.time % 1000).padStart(3, '0'));
  const type = document.createElement('span');
  type.className = 'type type-' + entry.type;
  type.textContent = entry.type;
  row.insertCell().append(type);
  cell(row, entry.channel);
  cell(row, entry.event);
  cell(row, describe(entry), 'data');
  cell(row, entry.socket_id);
  row.dataset.text = row.textContent.toLowerCase();
  applyFilter(row);
  while (tbody().rows.length > MAX_ROWS) {
    tbody().deleteRow(-1);
  }
  updateCount();
}

function filters() {
  return {
    channel: $('filter-channel').value.trim(),
    event: $('filter-event').value.trim(),
    type: $('filter-type').value,
    text: $('filter-text').value.trim().toLowerCase(),
  };
}

function applyFilter(row, f = filters()) {
  const show = (!f.channel || row.dataset.channel.includes(f.channel))
    && (!f.event || row.dataset.event.includes(f.event))
    && (!f.type || row.dataset.type === f.type)
    && (!f.text || row.dataset.text.includes(f.text));
  row.classList.toggle('hidden', !show);
}

function refilter() {
  const f = filters();
  Array.from(tbody().rows).forEach((row) => applyFilter(row, f));
  updateCount();
}

function updateCount() {
  const rows = tbody().rows.length;
  const shown = tbody().querySelectorAll('tr.row:not(.hidden)').length;
  let text = shown === rows ? rows + ' rows' : shown + ' of ' + rows + ' rows';
  if (paused) {
    text += ' · paused, ' + held.length + ' new';
  }
  $('row-count').textContent = text;
}

function clearRows() {
  tbody().replaceChildren();
  held = [];
  updateCount();
}

['filter-channel', 'filter-event', 'filter-text'].forEach((id) => $(id).addEventListener('input', refilter));
$('filter-type').addEventListener('change', refilter);
$('clear').addEventListener('click', clearRows);
$('pause').addEventListener('click', () => {
  paused = !paused;
  $('pause').textContent = paused ? 'Resume' : 'Pause';
  $('pause').classList.toggle('on', paused);
  if (!paused) {
    const waiting = held;
    held = [];
    waiting.forEach(addRow);
  }
  updateCount();
});

// ---- event creator

$('publish-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const data = $('pub-data').value;
  try {
    JSON.parse(data);
  } catch (error) {
    setStatus($('pub-result'), 'data is not JSON: ' + error.message, true);
    return;
  }
  try {
    await admin('POST', '/admin/v1/apps/' + encodeURIComponent(appId) + '/events',
      { channel: $('pub-channel').value, name: $('pub-event').value, data });
    setStatus($('pub-result'), 'Published to ' + $('pub-channel').value);
  } catch (error) {
    setStatus($('pub-result'), 'Refused: ' + error.message, true);
  }
});

// ---- counters and chart

async function refreshStats() {
  const watching = appId;
  try {
    const stats = await admin('GET', '/admin/v1/apps/' + encodeURIComponent(watching) + '/stats');
    if (watching !== appId) return;
    $('stat-connections').textContent = stats.connections;
    $('stat-channels').textContent = stats.channels === null ? '?' : stats.channels;
    $('stat-in').textContent = stats.messages_in_per_second;
    $('stat-out').textContent = stats.messages_out_per_second;
    history.push({ in: stats.messages_in_per_second, out: stats.messages_out_per_second });
    history = history.slice(-CHART_POINTS);
    drawChart();
  } catch (error) {
    setStatus($('status'), 'Counters unavailable: ' + error.message, true);
  }
}

function drawChart() {
  const canvas = $('chart');
  const g = canvas.getContext('2d');
  const { width, height } = canvas;
  g.clearRect(0, 0, width, height);
  const top = Math.max(1, ...history.map((p) => Math.max(p.in, p.out)));
  const step = width / (CHART_POINTS - 1);
  const line = (key, colour) => {
    g.beginPath();
    g.strokeStyle = colour;
    g.lineWidth = 2;
    history.forEach((p, i) => {
      const x = width - (history.length - 1 - i) * step;
      const y = height - 2 - (p[key] / top) * (height - 4);
      if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
    });
    g.stroke();
  };
  line('in', '#3d6df2');
  line('out', '#15803d');
  g.fillStyle = '#6b7385';
  g.font = '11px system-ui';
  g.fillText(top.toFixed(1) + '/s', 4, 12);
}
