// Follows a run's events in a browser with fetch, which (unlike EventSource) can send the API key, and resumes after
// a dropped connection with Last-Event-ID. Resolves with the terminal event once the run has ended.
async function followRun(runPath, { apiKey, lastEventId, onEvent, signal } = {}) {
  const terminal = ['run_completed', 'run_failed', 'run_timed_out', 'run_cancelled'];
  for (;;) {
    const headers = { Accept: 'text/event-stream' };
    if (apiKey) headers.Authorization = 'Bearer ' + apiKey;
    if (lastEventId != null) headers['Last-Event-ID'] = String(lastEventId);
    try {
      const response = await fetch(runPath + '/events', { headers, signal });
      if (!response.ok) throw new Error('HTTP ' + response.status); // 401, 404: do not retry
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break; // the connection dropped before the terminal event: reconnect
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = {};
          for (const line of buffer.slice(0, end).split('\n')) {
            if (line.startsWith(':')) continue; // keepalive
            const colon = line.indexOf(': ');
            event[line.slice(0, colon)] = line.slice(colon + 2);
          }
          buffer = buffer.slice(end + 2);
          if (!event.event) continue;
          if (event.id !== undefined) lastEventId = Number(event.id); // a "gap" event has no id
          const parsed = { id: lastEventId, kind: event.event, data: JSON.parse(event.data) };
          if (onEvent) onEvent(parsed);
          if (terminal.includes(parsed.kind)) return parsed;
        }
      }
    } catch (e) {
      if (signal && signal.aborted) throw e;
      if (e.message.startsWith('HTTP ')) throw e;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}
