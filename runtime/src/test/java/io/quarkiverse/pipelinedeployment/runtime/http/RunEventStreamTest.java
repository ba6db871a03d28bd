package io.quarkiverse.pipelinedeployment.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RunEventStreamTest {

    private static String frame(long id, String kind, String data) {
        return RunEventStream.frame(id, kind, data.getBytes(StandardCharsets.UTF_8)).toString(StandardCharsets.UTF_8);
    }

    @Test
    void anEventWithItsId() {
        assertThat(frame(7, "step_started", "{\"step\":\"a\"}"))
                .isEqualTo("id: 7\nevent: step_started\ndata: {\"step\":\"a\"}\n\n");
    }

    @Test
    void aGapHasNoId() {
        assertThat(frame(-1, "gap", "{\"first_available\":9}"))
                .isEqualTo("event: gap\ndata: {\"first_available\":9}\n\n");
    }

    @Test
    void eachLineOfTheDataIsADataLine() {
        assertThat(frame(1, "e", "{\n  \"a\" : 1\n}"))
                .isEqualTo("id: 1\nevent: e\ndata: {\ndata:   \"a\" : 1\ndata: }\n\n");
        assertThat(frame(1, "e", "{\r\n  \"a\" : 1\r\n}"))
                .isEqualTo("id: 1\nevent: e\ndata: {\ndata:   \"a\" : 1\ndata: }\n\n");
        assertThat(frame(1, "e", "[\r1,\r2]"))
                .isEqualTo("id: 1\nevent: e\ndata: [\ndata: 1,\ndata: 2]\n\n");
    }

    @Test
    void emptyLinesAndTrailingLineBreaksStayDataLines() {
        // A blank line would end the event: an empty line of data is still "data: "
        assertThat(frame(2, "e", "a\n\nb\n")).isEqualTo("id: 2\nevent: e\ndata: a\ndata: \ndata: b\ndata: \n\n");
        assertThat(frame(2, "e", "")).isEqualTo("id: 2\nevent: e\ndata: \n\n");
    }

    @Test
    void nonAsciiDataIsKeptAsIs() {
        assertThat(frame(3, "e", "\"ünï\u2028code\"")).isEqualTo("id: 3\nevent: e\ndata: \"ünï\u2028code\"\n\n");
    }
}
