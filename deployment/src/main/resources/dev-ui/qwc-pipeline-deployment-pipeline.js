import { QwcHotReloadElement, html, css } from 'qwc-hot-reload-element';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/button';
import '@vaadin/text-area';
import '@vaadin/progress-bar';
import '@qomponent/qui-badge';

/**
 * The pipeline: its input and output schema, its steps, and a form that invokes it through JSON-RPC (the same
 * deployment service as POST <invoke>). Reloads the schema after a hot reload.
 */
export class QwcPipelineDeploymentPipeline extends QwcHotReloadElement {
    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 12px; padding: 10px 20px 20px; }
        .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 20px; }
        h3 { margin: 6px 0; font-size: var(--lumo-font-size-m); }
        pre { margin: 0; padding: 10px; overflow: auto; max-height: 420px; border-radius: var(--lumo-border-radius-m);
              background: var(--lumo-contrast-5pct); font-size: var(--lumo-font-size-s); }
        .steps { display: flex; gap: 6px; flex-wrap: wrap; }
        vaadin-text-area { width: 100%; font-family: monospace; }
        .result.ok { border-left: 4px solid var(--lumo-success-color); }
        .result.failed { border-left: 4px solid var(--lumo-error-color); }
    `;

    static properties = {
        _pipeline: { state: true },
        _parameters: { state: true },
        _result: { state: true },
        _running: { state: true }
    };

    connectedCallback() {
        super.connectedCallback();
        this.hotReload();
    }

    hotReload() {
        this.jsonRpc.getPipeline().then(response => {
            const first = !this._pipeline;
            this._pipeline = response.result;
            if (first || !this._parameters) {
                this._parameters = JSON.stringify(this._example(this._pipeline.input_schema, this._pipeline.parameters), null, 2);
            }
        });
    }

    render() {
        if (!this._pipeline) {
            return html`<vaadin-progress-bar indeterminate></vaadin-progress-bar>`;
        }
        return html`
            <div class="steps">
                <strong>${this._pipeline.name}</strong>
                ${(this._pipeline.steps || []).map(step => html`<qui-badge small>${step}</qui-badge>`)}
            </div>
            <div class="columns">
                <div>
                    <h3>Parameters</h3>
                    <vaadin-text-area id="parameters" .value=${this._parameters}
                        @value-changed=${e => this._parameters = e.detail.value}></vaadin-text-area>
                    <vaadin-button id="invoke" theme="primary" ?disabled=${this._running} @click=${this._invoke}>Invoke</vaadin-button>
                    ${this._running ? html`<vaadin-progress-bar indeterminate></vaadin-progress-bar>` : ''}
                    ${this._result ? html`
                        <h3>Result</h3>
                        <pre id="result" class="result ${this._result.success ? 'ok' : 'failed'}">${JSON.stringify(this._result, null, 2)}</pre>` : ''}
                </div>
                <div>
                    <h3>Input schema</h3>
                    <pre>${JSON.stringify(this._pipeline.input_schema, null, 2)}</pre>
                    <h3>Output schema</h3>
                    <pre>${JSON.stringify(this._pipeline.output_schema, null, 2)}</pre>
                </div>
            </div>`;
    }

    _invoke() {
        this._running = true;
        this.jsonRpc.invoke({ parameters: this._parameters }).then(response => {
            this._result = response.result;
        }).catch(error => {
            this._result = { success: false, detail: String(error) };
        }).finally(() => {
            this._running = false;
        });
    }

    // A starting point built from the input schema, with the parameters' defaults filled in
    _example(schema, defaults) {
        const value = this._sample(schema || {});
        if (value && typeof value === 'object' && !Array.isArray(value) && defaults) {
            return Object.assign(value, defaults);
        }
        return value;
    }

    _sample(schema) {
        if (schema.default !== undefined) return schema.default;
        const type = Array.isArray(schema.type) ? schema.type.find(t => t !== 'null') : schema.type;
        switch (type) {
            case 'object': {
                const result = {};
                for (const [name, property] of Object.entries(schema.properties || {})) {
                    result[name] = this._sample(property);
                }
                return result;
            }
            case 'array': return [this._sample(schema.items || {})];
            case 'number': case 'integer': return 0;
            case 'boolean': return false;
            case 'string': return schema.enum ? schema.enum[0] : '';
            default: return null;
        }
    }
}
customElements.define('qwc-pipeline-deployment-pipeline', QwcPipelineDeploymentPipeline);
