package io.quarkiverse.pipelinedeployment.deployment.runs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A client of {@code text/event-stream} for the tests: reads the events of a stream as they come, and can stop (close
 * the connection) after some of them.
 */
final class Sse implements AutoCloseable {

    /** One event; {@code id} is {@code null} when the event had no {@code id:} line (a gap). */
    record Event(Long id, String kind, String data) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final HttpResponse<Stream<String>> response;
    private final Stream<String> lines;
    private final Iterator<String> iterator;
    /** The comments read so far ({@code : keepalive}). */
    final List<String> comments = new ArrayList<>();

    private Sse(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.lines = response.body();
        this.iterator = lines.iterator();
    }

    static Sse get(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        return new Sse(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    static Sse post(URI uri, Map<String, String> headers, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        return new Sse(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    /** The next event, or {@code null} when the stream ended. */
    Event next() {
        Long id = null;
        String kind = null;
        StringBuilder data = null;
        while (iterator.hasNext()) {
            String line = iterator.next();
            if (line.isEmpty()) {
                if (kind != null || data != null) {
                    return new Event(id, kind, data == null ? null : data.toString());
                }
                continue;
            }
            if (line.startsWith(":")) {
                comments.add(line);
            } else if (line.startsWith("id: ")) {
                id = Long.valueOf(line.substring(4));
            } else if (line.startsWith("event: ")) {
                kind = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data = data == null ? new StringBuilder(line.substring(6)) : data.append('\n').append(line.substring(6));
            }
        }
        return null;
    }

    /** The next {@code count} events (fewer when the stream ends first). */
    List<Event> next(int count) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Event event = next();
            if (event == null) {
                break;
            }
            events.add(event);
        }
        return events;
    }

    /** Every event until the stream ends. */
    List<Event> all() {
        return next(Integer.MAX_VALUE);
    }

    @Override
    public void close() {
        lines.close();
    }
}
