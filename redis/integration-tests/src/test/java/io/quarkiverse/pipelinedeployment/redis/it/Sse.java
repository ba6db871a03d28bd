package io.quarkiverse.pipelinedeployment.redis.it;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a run's event stream ({@code text/event-stream}) as a client does, stopping when told. */
final class Sse {

    /** One event: its id and kind. */
    record Event(long id, String kind) {
    }

    private Sse() {
    }

    /**
     * Reads the events of {@code path} on {@code replica} until {@code last} accepts one (included) or the stream
     * ends, then disconnects.
     */
    static List<Event> read(Replica replica, String path, String lastEventId, Predicate<Event> last)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(replica.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = Replica.HTTP.send(request.build(),
                HttpResponse.BodyHandlers.ofLines());
        List<Event> events = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            long id = -1;
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    Event event = new Event(id, line.substring(7));
                    events.add(event);
                    if (last.test(event)) {
                        return events;
                    }
                }
            }
        }
        return events;
    }
}
