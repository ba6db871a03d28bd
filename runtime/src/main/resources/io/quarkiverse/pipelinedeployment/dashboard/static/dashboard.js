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

  function invoke(event) {
    event.preventDefault();
    var body;
    try { body = { parameters: readParameters() }; } catch (e) { return; }
    var runName = $('run-name').value.trim();
    if (runName) { body.run_name = runName; }
    var timeout = $('timeout').value.trim();
    if (timeout) { body.timeout = Number(timeout); }
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

  // Start

  $('invoke-form').addEventListener('submit', invoke);
  $('auth-form').addEventListener('submit', function (event) {
    event.preventDefault();
    state.apiKey = $('api-key').value.trim();
    sessionStorage.setItem('pipeline-api-key', state.apiKey);
    refreshInfo();
  });
  if (!config.paths.invoke) { $('invoke-button').disabled = true; $('invoke-status').textContent = 'invoke is not served'; }
  renderLinks();
  refreshInfo();
  refreshHealth();
  setInterval(function () { refreshInfo(); refreshHealth(); }, 10000);
})();
