import { QwcHotReloadElement, html, css } from 'qwc-hot-reload-element';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/button';
import '@vaadin/select';
import '@vaadin/text-area';
import '@qomponent/qui-badge';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

const STATUSES = ['', 'queued', 'running', 'completed', 'failed', 'timed_out', 'cancelled'];

/**
 * The runs of the pipeline: a list with a status filter, starting a run, one run's steps and events live (streamed
 * through JSON-RPC from the run's events), cancelling it, and its result.
 */
export class QwcPipelineDeploymentRuns extends QwcHotReloadElement {
    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 10px; padding: 10px 20px 20px; }
        .bar { display: flex; gap: 10px; align-items: end; flex-wrap: wrap; }
        vaadin-text-area { min-width: 360px; font-family: monospace; }
        h3 { margin: 6px 0; font-size: var(--lumo-font-size-m); }
        pre { margin: 0; padding: 10px; overflow: auto; max-height: 320px; border-radius: var(--lumo-border-radius-m);
              background: var(--lumo-contrast-5pct); font-size: var(--lumo-font-size-s); }
        .events { font-family: monospace; font-size: var(--lumo-font-size-s); margin: 0; padding-left: 20px; }
        .empty { color: var(--lumo-secondary-text-color); }
    `;

    static properties = {
        _runs: { state: true },
        _status: { state: true },
        _parameters: { state: true },
        _selected: { state: true },
        _steps: { state: true },
        _events: { state: true },
        _result: { state: true },
        _problem: { state: true }
    };

    constructor() {
        super();
        this._status = '';
        this._parameters = '{}';
        this._steps = [];
        this._events = [];
    }

    connectedCallback() {
        super.connectedCallback();
        this.hotReload();
        this._timer = setInterval(() => this._refresh(), 3000);
    }

    disconnectedCallback() {
        clearInterval(this._timer);
        this._unfollow();
        super.disconnectedCallback();
    }

    hotReload() {
        this._refresh();
    }

    _refresh() {
        this.jsonRpc.getRuns({ status: this._status }).then(response => { this._runs = response.result.runs; });
    }

    render() {
        return html`
            <div class="bar">
                <vaadin-text-area id="parameters" label="Parameters (JSON)" .value=${this._parameters}
                    @value-changed=${e => this._parameters = e.detail.value}></vaadin-text-area>
                <vaadin-button id="start" theme="primary" @click=${this._start}>Start a run</vaadin-button>
                <vaadin-select id="status" label="Status" .value=${this._status}
                    .items=${STATUSES.map(s => ({ label: s || 'all', value: s }))}
                    @value-changed=${e => { this._status = e.detail.value; this._refresh(); }}></vaadin-select>
                <vaadin-button id="refresh" @click=${this._refresh}>Refresh</vaadin-button>
            </div>
            ${this._problem ? html`<qui-badge level="error">${this._problem}</qui-badge>` : ''}
            ${!this._runs || this._runs.length === 0 ? html`<span class="empty">No runs.</span>` : html`
                <vaadin-grid id="runs" .items=${this._runs} theme="row-stripes compact" all-rows-visible
                    @active-item-changed=${e => e.detail.value && this._select(e.detail.value.run_id)}>
                    <vaadin-grid-column header="Run" path="run_name" auto-width></vaadin-grid-column>
                    <vaadin-grid-column header="Status" auto-width ${columnBodyRenderer(r => this._badge(r.status), [])}></vaadin-grid-column>
                    <vaadin-grid-column header="Created" path="created" auto-width></vaadin-grid-column>
                    <vaadin-grid-column header="Seconds" auto-width ${columnBodyRenderer(r => html`${r.execution_time.toFixed(3)}`, [])}></vaadin-grid-column>
                </vaadin-grid>`}
            ${this._selected ? this._detail() : ''}`;
    }

    _badge(status) {
        const level = status === 'completed' ? 'success' : (status === 'queued' || status === 'running') ? 'primary' : 'error';
        return html`<qui-badge small level=${level}>${status}</qui-badge>`;
    }

    _detail() {
        const run = this._selected;
        return html`
            <h3>Run ${run.run_name} <span id="run-status">${this._badge(run.status)}</span>
                ${run.status === 'queued' || run.status === 'running'
                    ? html`<vaadin-button id="cancel" theme="error small" @click=${this._cancel}>Cancel</vaadin-button>` : ''}</h3>
            <div id="steps">${this._steps.map(s => html`<qui-badge small level=${s.status === 'failed' ? 'error' : s.status === 'running' ? 'primary' : 'contrast'}>${s.step} ${s.status}${s.duration !== undefined ? ' ' + (s.duration * 1000).toFixed(1) + ' ms' : ''}</qui-badge> `)}</div>
            <h3>Events</h3>
            <ol id="events" class="events">${this._events.map(e => html`<li>${e}</li>`)}</ol>
            <h3>Result</h3>
            <pre id="result">${this._result ? JSON.stringify(this._result, null, 2) : '(not finished)'}</pre>`;
    }

    _start() {
        this._problem = null;
        this.jsonRpc.submitRun({ parameters: this._parameters }).then(response => {
            const r = response.result;
            if (r.run_id) {
                this._select(r.run_id);
                this._refresh();
            } else {
                this._problem = 'HTTP ' + r.status + ': ' + JSON.stringify(r.detail);
            }
        });
    }

    _select(id) {
        this._unfollow();
        this._steps = [];
        this._events = [];
        this._result = null;
        this.jsonRpc.getRun({ id: id }).then(response => { this._selected = response.result; });
        this._stream = this.jsonRpc.streamRunEvents({ id: id }).onNext(response => this._onEvent(id, response.result));
    }

    _unfollow() {
        if (this._stream) {
            this._stream.cancel();
            this._stream = null;
        }
    }

    _onEvent(id, event) {
        if (!this._selected || this._selected.run_id !== id) {
            return;
        }
        const data = event.data || {};
        let text = (event.id ? '#' + event.id + ' ' : '') + event.event;
        if (event.event === 'step_started') {
            this._steps = [...this._steps, { step: data.step, status: 'running' }];
            text += ' ' + data.step;
        } else if (event.event === 'step_completed' || event.event === 'step_failed') {
            const steps = [...this._steps];
            const open = steps.map(s => s.step === data.step && s.status === 'running').lastIndexOf(true);
            if (open >= 0) {
                steps[open] = { step: data.step, status: event.event === 'step_completed' ? 'completed' : 'failed', duration: data.duration };
            }
            this._steps = steps;
            text += ' ' + data.step;
        } else if (event.event === 'run_started') {
            this._selected = { ...this._selected, status: 'running' };
        } else if (event.event.startsWith('run_') && event.event !== 'run_queued') {
            this._selected = { ...this._selected, status: event.event.substring(4) };
            this._result = data;
            this._refresh();
        } else if (event.event !== 'run_queued') {
            text += ' ' + JSON.stringify(data);
        }
        this._events = [...this._events, text];
    }

    _cancel() {
        this.jsonRpc.cancelRun({ id: this._selected.run_id }).then(response => {
            if (response.result.run_id) {
                this._selected = response.result;
            }
            this._refresh();
        });
    }
}
customElements.define('qwc-pipeline-deployment-runs', QwcPipelineDeploymentRuns);
