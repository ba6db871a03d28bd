import { QwcHotReloadElement, html, css } from 'qwc-hot-reload-element';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/button';
import '@qomponent/qui-badge';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/**
 * The recent invocations of the pipeline (HTTP and Dev UI alike), newest first, with each step's timing.
 */
export class QwcPipelineDeploymentInvocations extends QwcHotReloadElement {
    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 10px; padding: 10px 20px 20px; }
        .steps { display: flex; gap: 4px; flex-wrap: wrap; }
        .empty { color: var(--lumo-secondary-text-color); }
    `;

    static properties = {
        _invocations: { state: true }
    };

    connectedCallback() {
        super.connectedCallback();
        this.hotReload();
    }

    hotReload() {
        this.jsonRpc.getRecentInvocations().then(response => {
            this._invocations = response.result;
        });
    }

    render() {
        return html`
            <div><vaadin-button id="refresh" @click=${() => this.hotReload()}>Refresh</vaadin-button></div>
            ${!this._invocations || this._invocations.length === 0
                ? html`<span class="empty">No invocations yet: invoke the pipeline from the Pipeline page or over HTTP.</span>`
                : html`
                <vaadin-grid .items=${this._invocations} theme="row-stripes" all-rows-visible>
                    <vaadin-grid-column header="Ended" path="ended_at" auto-width></vaadin-grid-column>
                    <vaadin-grid-column header="Run" auto-width ${columnBodyRenderer(i => html`${i.metadata.run_name}`, [])}></vaadin-grid-column>
                    <vaadin-grid-column header="Result" auto-width ${columnBodyRenderer(i => i.success
                        ? html`<qui-badge level="success" small>success</qui-badge>`
                        : html`<qui-badge level="error" small title=${i.error}>failed</qui-badge>`, [])}></vaadin-grid-column>
                    <vaadin-grid-column header="Seconds" auto-width ${columnBodyRenderer(i => html`${i.execution_time.toFixed(4)}`, [])}></vaadin-grid-column>
                    <vaadin-grid-column header="Steps" flex-grow="1" ${columnBodyRenderer(i => html`<div class="steps">${
                        (i.metadata.steps || []).map(s => html`<qui-badge small level=${s.status === 'completed' ? 'contrast' : 'error'}>${s.name} ${(s.duration * 1000).toFixed(2)} ms</qui-badge>`)}</div>`, [])}></vaadin-grid-column>
                </vaadin-grid>`}`;
    }
}
customElements.define('qwc-pipeline-deployment-invocations', QwcPipelineDeploymentInvocations);
