import { actionRows, kindReferences, metricRows } from './referenceRows';

/**
 * Help → Documentation's reference: every node kind with its config fields, the scenario actions
 * and the check metrics, read from the schema the loader and the inspector use, so it cannot
 * drift from what a file may hold. The names in code are a file's (and the CLI's).
 */
export function ReferenceSection() {
  return (
    <section aria-labelledby="help-reference-title">
      <h3 id="help-reference-title">Reference</h3>
      <p>
        What a <code>.faultline</code> file can hold, under the names the file uses (the inspector shows the same fields by their labels). A field left out
        takes its default.
      </p>
      <h4>Node kinds</h4>
      {kindReferences().map((kind) => (
        <details key={kind.kind} className="help-reference-kind" data-kind={kind.kind}>
          <summary>
            <strong>{kind.label}</strong> <code>{kind.kind}</code> — {kind.summary}
          </summary>
          <table className="help-reference">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">What it is</th>
                <th scope="col">Default</th>
              </tr>
            </thead>
            <tbody>
              {kind.fields.map((field) => (
                <tr key={field.name}>
                  <th scope="row">
                    <code>{field.name}</code>
                  </th>
                  <td>
                    <span className="help-reference-label">{field.label}.</span> {field.description} <span className="help-reference-rule">({field.rule})</span>
                  </td>
                  <td>{field.defaultText}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
      <h4>Scenario events</h4>
      <p>
        Each event has <code>atS</code> (seconds) and an <code>action</code>; any event may carry a <code>note</code> (narration) and <code>pause: true</code>{' '}
        (the player stops there).
      </p>
      <table className="help-reference" data-testid="help-reference-actions">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">What happens</th>
            <th scope="col">Also needs</th>
          </tr>
        </thead>
        <tbody>
          {actionRows().map((row) => (
            <tr key={row.action}>
              <th scope="row">
                <code>{row.action}</code>
              </th>
              <td>{row.label}</td>
              <td>{row.needs}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>Checks</h4>
      <p>
        A check compares a <code>metric</code> with a <code>value</code> (<code>op</code> one of &lt;, &lt;=, &gt;, &gt;=), measured over the client requests
        sent in <code>[fromS, toS)</code> (the whole run when left out). <code>faultline run</code> exits with 1 when one fails.
      </p>
      <table className="help-reference" data-testid="help-reference-metrics">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">What it measures</th>
            <th scope="col">Unit</th>
            <th scope="col">Node</th>
          </tr>
        </thead>
        <tbody>
          {metricRows().map((row) => (
            <tr key={row.metric}>
              <th scope="row">
                <code>{row.metric}</code>
              </th>
              <td>{row.label}</td>
              <td>{row.unit}</td>
              <td>{row.node}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
