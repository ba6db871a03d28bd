package io.quarkiverse.pipelinedeployment.deployment.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the event stream tests check of the events they read. */
final class Events {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Events() {
    }

    /** The ids are 1, 2, 3, ... in order. */
    static void assertDense(List<Sse.Event> events) {
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).id()).as("id of event %d (%s)", i, events.get(i).kind()).isEqualTo(i + 1L);
        }
    }

    static List<Long> ids(List<Sse.Event> events) {
        List<Long> ids = new ArrayList<>();
        for (Sse.Event event : events) {
            ids.add(event.id());
        }
        return ids;
    }

    static List<String> kinds(List<Sse.Event> events) {
        List<String> kinds = new ArrayList<>();
        for (Sse.Event event : events) {
            kinds.add(event.kind());
        }
        return kinds;
    }

    static JsonNode json(Sse.Event event) throws Exception {
        return MAPPER.readTree(event.data());
    }
}
