// The bundled pipeline dashboard: metadata and health from the deployment's own endpoints, a form built from the
// pipeline's input schema, and the recent invocations of this browser tab. No dependencies, nothing from other hosts.
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('pipeline-config').textContent);
  var state = { info: null, schema: null, history: [], apiKey: sessionStorage.getItem('pipeline-api-key') || '' };

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  function headers(json) {
    var h = { 'Accept': 'application/json' };
    if (json) { h['Content-Type'] = 'application/json'; }
    if (state.apiKey) { h['Authorization'] = 'Bearer ' + state.apiKey; }
    return h;
  }

  function getJson(path) {
    return fetch(path, { headers: headers(false) }).then(function (r) {
      if (r.status === 401) { showAuth(); }
      return r.json().then(function (body) { return { status: r.status, body: body }; });
    });
  }

  function showAuth() { $('auth').hidden = false; }

  // Metadata

  function renderLinks() {
    var links = $('links');
    links.textContent = '';
    [['docs', 'API docs'], ['redoc', 'ReDoc'], ['metrics', 'Metrics'], ['health', 'Health']].forEach(function (l) {
      if (config.paths[l[0]]) { links.appendChild(el('a', { href: config.paths[l[0]], text: l[1] })); }
    });
  }

  function renderInfo(info) {
    state.info = info;
    $('app-title').textContent = info.app.title;
    document.title = info.app.title;
    $('app-description').textContent = info.app.description + (info.app.version ? ' · v' + info.app.version : '');
    $('pipeline-name').textContent = info.pipeline.name;
    var facts = [
      ['Pipeline', info.pipeline.name], ['Steps', (info.pipeline.steps || []).join(', ') || '–'],
      ['Deployment', info.deployment.name + ' (' + info.deployment.id + ')'],
      ['Snapshot', info.snapshot.name + ' (' + info.snapshot.id + ')'],
      ['Runs', String(info.total_executions)], ['Last run', info.last_execution_time || '–'],
      ['Uptime', Math.round(info.uptime) + ' s'], ['Quarkus', info.quarkus_version]
    ];
    var dl = $('deployment');
    dl.textContent = '';
    facts.forEach(function (f) { dl.appendChild(el('dt', { text: f[0] })); dl.appendChild(el('dd', { text: f[1] })); });
    if (info.deployment.auth_enabled) { showAuth(); }
    if (!state.schema) {
      state.schema = info.pipeline.input_schema;
      renderForm(state.schema);
    }
  }

  function refreshInfo() {
    if (!config.paths.info) {
      $('deployment').textContent = 'The info endpoint is not served by this deployment.';
      return Promise.resolve();
    }
    return getJson(config.paths.info).then(function (r) {
      if (r.status === 200) { renderInfo(r.body); }
    });
  }

  function refreshHealth() {
    var badge = $('health-badge');
    if (!config.paths.health) { badge.textContent = 'health not served'; return Promise.resolve(); }
    return getJson(config.paths.health).then(function (r) {
      var up = r.body && r.body.status === 'UP';
      badge.textContent = up ? 'UP' : 'DOWN';
      badge.className = 'badge ' + (up ? 'up' : 'down');
    }).catch(function () { badge.textContent = 'unreachable'; badge.className = 'badge down'; });
  }

  // The form, from the input JSON Schema

  function fieldFor(name, schema, required) {
    var type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    var hint = type ? type + (schema.items && schema.items.type ? ' of ' + schema.items.type : '') : 'JSON';
    var label = el('label', { 'for': 'param-' + name }, [
      document.createTextNode(name + (required ? ' *' : '')),
      el('span', { 'class': 'hint', text: hint })
    ]);
    var input;
    if (schema.enum) {
      input = el('select', { id: 'param-' + name });
      if (!required) { input.appendChild(el('option', { value: '', text: '' })); }
      schema.enum.forEach(function (v) { input.appendChild(el('option', { value: v, text: v })); });
      if (schema['default'] !== undefined) { input.value = schema['default']; }
    } else if (type === 'boolean') {
      input = el('input', { id: 'param-' + name, type: 'checkbox' });
      input.checked = schema['default'] === true;
    } else if (type === 'number' || type === 'integer') {
      input = el('input', { id: 'param-' + name, type: 'number', step: type === 'integer' ? '1' : 'any' });
      if (schema['default'] !== undefined) { input.value = schema['default']; }
    } else if (type === 'string') {
      input = el('input', { id: 'param-' + name, type: 'text' });
      if (schema['default'] !== undefined) { input.value = schema['default']; }
    } else {
      input = el('textarea', { id: 'param-' + name, placeholder: type === 'array' ? '[1, 2, 3]' : '{"key": "value"}' });
      if (schema['default'] !== undefined) { input.value = JSON.stringify(schema['default']); }
    }
    input.dataset.name = name;
    input.dataset.kind = schema.enum ? 'enum' : (type || 'json');
    label.appendChild(input);
    label.appendChild(el('span', { 'class': 'field-error', id: 'error-' + name }));
    return label;
  }

  function renderForm(schema) {
    var container = $('parameters');
    container.textContent = '';
    var required = schema.required || [];
    var props = schema.properties || {};
    Object.keys(props).forEach(function (name) {
      container.appendChild(fieldFor(name, props[name], required.indexOf(name) >= 0));
    });
    if (!Object.keys(props).length) { container.appendChild(el('p', { 'class': 'muted', text: 'No parameters.' })); }
  }

  function readParameters() {
    var parameters = {};
    var inputs = $('parameters').querySelectorAll('[data-name]');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i], name = input.dataset.name, kind = input.dataset.kind;
      $('error-' + name).textContent = '';
      if (kind === 'boolean') { parameters[name] = input.checked; continue; }
      var raw = input.value.trim();
      if (raw === '') { continue; }
      if (kind === 'number' || kind === 'integer') {
        parameters[name] = Number(raw);
      } else if (kind === 'string' || kind === 'enum') {
        parameters[name] = raw;
      } else {
        try { parameters[name] = JSON.parse(raw); } catch (e) {
          $('error-' + name).textContent = ' not valid JSON';
          throw e;
        }
      }
    }
    return parameters;
  }

  // Invoking

  // The invoke body from the form, or null when a field is not valid
  function requestBody() {
    var body;
    try { body = { parameters: readParameters() }; } catch (e) { return null; }
    var runName = $('run-name').value.trim();
    if (runName) { body.run_name = runName; }
    var timeout = $('timeout').value.trim();
    if (timeout) { body.timeout = Number(timeout); }
    return body;
  }

  function invoke(event) {
    event.preventDefault();
    var body = requestBody();
    if (!body) { return; }
    var button = $('invoke-button');
    button.disabled = true;
    $('invoke-status').textContent = 'Running…';
    fetch(config.paths.invoke, { method: 'POST', headers: headers(true), body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (json) { return { status: r.status, body: json }; }); })
      .then(function (r) {
        $('invoke-status').textContent = 'HTTP ' + r.status;
        if (r.status === 401) { showAuth(); }
        if (r.body && r.body.metadata) {
          record(r.body);
          showResult(r.body);
        } else {
          showProblem(r.status, r.body);
        }
        refreshInfo();
        refreshRuns();
      })
      .catch(function (e) { $('invoke-status').textContent = 'Failed: ' + e.message; })
      .then(function () { button.disabled = false; });
  }

  function showProblem(status, body) {
    $('result-card').hidden = false;
    $('result-badge').textContent = 'HTTP ' + status;
    $('result-badge').className = 'badge failure';
    var detail = body && body.detail;
    if (Array.isArray(detail)) {
      detail.forEach(function (d) {
        var field = d.loc && d.loc[0] === 'body' && d.loc[1] === 'parameters' ? $('error-' + d.loc[2]) : null;
        if (field) { field.textContent = ' ' + d.msg; }
      });
      detail = detail.map(function (d) { return d.loc.join('.') + ': ' + d.msg; }).join('; ');
    }
    $('result-error').hidden = false;
    $('result-error').textContent = detail || 'Request failed';
    $('result-outputs').textContent = '';
    $('result-steps').querySelector('tbody').textContent = '';
    $('result-meta').textContent = '';
  }

  function showResult(response) {
    $('result-card').hidden = false;
    var badge = $('result-badge');
    badge.textContent = response.success ? 'success' : 'failure';
    badge.className = 'badge ' + (response.success ? 'success' : 'failure');
    $('result-error').hidden = !response.error;
    $('result-error').textContent = response.error || '';
    $('result-outputs').textContent = JSON.stringify(response.outputs, null, 2);
    var steps = response.metadata.steps || [];
    var longest = steps.reduce(function (m, s) { return Math.max(m, s.duration); }, 0) || 1;
    var tbody = $('result-steps').querySelector('tbody');
    tbody.textContent = '';
    steps.forEach(function (s) {
      var bar = el('td', { 'class': 'bar' }, [el('span')]);
      bar.firstChild.style.width = Math.max(1, Math.round(100 * s.duration / longest)) + '%';
      tbody.appendChild(el('tr', {}, [el('td', { text: s.name }), el('td', { text: s.status }),
        el('td', { text: (s.duration * 1000).toFixed(3) + ' ms' }), bar]));
    });
    $('result-meta').textContent = 'Run ' + response.metadata.run_name + ' · ' + response.metadata.run_id + ' · ' +
      (response.execution_time * 1000).toFixed(2) + ' ms';
  }

  function record(response) {
    state.history.unshift(response);
    state.history = state.history.slice(0, 20);
    var tbody = $('history').querySelector('tbody');
    tbody.textContent = '';
    state.history.forEach(function (r) {
      var row = el('tr', { 'class': 'clickable' }, [
        el('td', { text: r.metadata.run_name }), el('td', { text: r.success ? 'success' : 'failure' }),
        el('td', { text: (r.execution_time * 1000).toFixed(2) + ' ms' }),
        el('td', { text: (r.metadata.steps || []).map(function (s) { return s.name; }).join(' → ') })]);
      row.addEventListener('click', function () { showResult(r); });
      tbody.appendChild(row);
    });
    $('history-empty').hidden = state.history.length > 0;
  }

  // Runs: the list, one run's live steps and events, cancel and result

  var runs = { selected: null, stream: null, timer: null };

  function refreshRuns() {
    if (!config.paths.runs) { return Promise.resolve(); }
    var status = $('runs-status').value;
    return getJson(config.paths.runs + '?limit=50' + (status ? '&status=' + encodeURIComponent(status) : ''))
      .then(function (r) {
        if (r.status !== 200) { return; }
        var tbody = $('runs-table').querySelector('tbody');
        tbody.textContent = '';
        r.body.runs.forEach(function (run) {
          var row = el('tr', { 'class': 'clickable' + (run.run_id === runs.selected ? ' selected' : ''),
            'data-run-id': run.run_id }, [
            el('td', { text: run.run_name }),
            el('td', {}, [el('span', { 'class': 'badge ' + run.status, text: run.status })]),
            el('td', { text: run.created }),
            el('td', { text: (run.execution_time * 1000).toFixed(1) + ' ms' })]);
          row.addEventListener('click', function () { selectRun(run.run_id); });
          tbody.appendChild(row);
        });
        $('runs-empty').hidden = r.body.runs.length > 0;
      });
  }

  function submitRun() {
    var body = requestBody();
    if (!body) { return; }
    $('invoke-status').textContent = 'Submitting…';
    fetch(config.paths.runs, { method: 'POST', headers: headers(true), body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (json) { return { status: r.status, body: json }; }); })
      .then(function (r) {
        $('invoke-status').textContent = 'HTTP ' + r.status;
        if (r.status === 401) { showAuth(); }
        if (r.status === 202) {
          selectRun(r.body.run_id);
          refreshRuns();
        } else {
          showProblem(r.status, r.body);
        }
      })
      .catch(function (e) { $('invoke-status').textContent = 'Failed: ' + e.message; });
  }

  function runPath(id) { return config.paths.runs + '/' + encodeURIComponent(id); }

  function showRunStatus(status) {
    $('run-detail-status').textContent = status;
    $('run-detail-status').className = 'badge ' + status;
    $('run-cancel').hidden = !(status === 'queued' || status === 'running');
  }

  function selectRun(id) {
    if (runs.stream) { runs.stream.abort(); }
    runs.selected = id;
    $('run-detail').hidden = false;
    $('run-detail-id').textContent = id;
    $('run-steps').querySelector('tbody').textContent = '';
    $('run-events').textContent = '';
    $('run-result').textContent = '(not finished)';
    $('run-result-error').hidden = true;
    var rows = $('runs-table').querySelectorAll('tr[data-run-id]');
    for (var i = 0; i < rows.length; i++) {
      rows[i].classList.toggle('selected', rows[i].getAttribute('data-run-id') === id);
    }
    getJson(runPath(id)).then(function (r) {
      if (r.status !== 200 || runs.selected !== id) { return; }
      $('run-detail-name').textContent = r.body.run_name;
      showRunStatus(r.body.status);
    });
    followEvents(id);
  }

  // Server-sent events read with fetch, which (unlike EventSource) sends the API key
  function followEvents(id) {
    var controller = new AbortController();
    runs.stream = controller;
    var steps = {};
    fetch(runPath(id) + '/events', { headers: Object.assign(headers(false), { 'Accept': 'text/event-stream' }),
      signal: controller.signal }).then(function (r) {
      if (!r.ok || !r.body) { return; }
      var reader = r.body.getReader(), decoder = new TextDecoder(), buffer = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { return; }
          buffer += decoder.decode(chunk.value, { stream: true });
          var end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            onEvent(id, steps, parseEvent(buffer.substring(0, end)));
            buffer = buffer.substring(end + 2);
          }
          return pump();
        });
      }
      return pump();
    }).catch(function () { /* aborted, or the connection closed */ });
  }

  function parseEvent(text) {
    var event = { id: null, kind: null, data: null };
    text.split('\n').forEach(function (line) {
      if (line.indexOf('id: ') === 0) { event.id = line.substring(4); }
      if (line.indexOf('event: ') === 0) { event.kind = line.substring(7); }
      if (line.indexOf('data: ') === 0) { event.data = JSON.parse(line.substring(6)); }
    });
    return event;
  }

  function onEvent(id, steps, event) {
    if (!event.kind || runs.selected !== id) { return; }
    var summary = event.kind;
    var data = event.data || {};
    if (event.kind === 'step_started' || event.kind === 'step_completed' || event.kind === 'step_failed') {
      var row;
      if (event.kind === 'step_started') {
        row = el('tr', { 'data-step': data.step }, [el('td', { text: data.step }), el('td', { text: 'running' }),
          el('td', { text: '…' })]);
        steps[data.step + '#open'] = row;
        $('run-steps').querySelector('tbody').appendChild(row);
      } else {
        row = steps[data.step + '#open'];
        if (row) {
          row.children[1].textContent = event.kind === 'step_completed' ? 'completed' : 'failed';
          row.children[2].textContent = (data.duration * 1000).toFixed(3) + ' ms';
          delete steps[data.step + '#open'];
        }
      }
      summary += ' ' + data.step;
    } else if (event.kind === 'run_started') {
      showRunStatus('running');
    } else if (event.kind.indexOf('run_') === 0 && event.kind !== 'run_queued') {
      var status = event.kind.substring(4);
      showRunStatus(status);
      $('run-result').textContent = JSON.stringify(data.outputs, null, 2);
      $('run-result-error').hidden = !data.error;
      $('run-result-error').textContent = data.error || '';
      refreshRuns();
    } else if (event.kind !== 'run_queued') {
      summary += ' ' + JSON.stringify(data);
    }
    $('run-events').appendChild(el('li', { text: (event.id ? '#' + event.id + ' ' : '') + summary }));
  }

  function cancelRun() {
    var id = runs.selected;
    fetch(runPath(id) + '/cancel', { method: 'POST', headers: headers(false) })
      .then(function (r) { return r.json().then(function (json) { return { status: r.status, body: json }; }); })
      .then(function (r) {
        if (r.status === 202) { showRunStatus(r.body.status); }
        refreshRuns();
      });
  }

  // Start

  $('invoke-form').addEventListener('submit', invoke);
  $('auth-form').addEventListener('submit', function (event) {
    event.preventDefault();
    state.apiKey = $('api-key').value.trim();
    sessionStorage.setItem('pipeline-api-key', state.apiKey);
    refreshInfo();
    refreshRuns();
  });
  if (!config.paths.invoke) { $('invoke-button').disabled = true; $('invoke-status').textContent = 'invoke is not served'; }
  if (config.paths.runs) {
    $('runs-card').hidden = false;
    $('submit-run-button').hidden = false;
    $('submit-run-button').addEventListener('click', submitRun);
    $('runs-status').addEventListener('change', refreshRuns);
    $('runs-refresh').addEventListener('click', refreshRuns);
    $('run-cancel').addEventListener('click', cancelRun);
  }
  renderLinks();
  refreshInfo();
  refreshHealth();
  refreshRuns();
  setInterval(function () { refreshInfo(); refreshHealth(); refreshRuns(); }, 5000);
})();
