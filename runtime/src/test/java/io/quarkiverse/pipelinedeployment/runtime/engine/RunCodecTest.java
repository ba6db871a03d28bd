package io.quarkiverse.pipelinedeployment.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;

class RunCodecTest {

    private static final ObjectWriter WRITER = new ObjectMapper().writer();

    /** Every event as its stream would send it: id, kind and the data's JSON. */
    private static List<String> sent(Run run) throws Exception {
        List<String> sent = new ArrayList<>();
        for (RunEvent event : run.events().since(0, 100).events()) {
            Object data = event.data();
            String json = data instanceof RunEvent.Json written ? new String(written.bytes())
                    : WRITER.writeValueAsString(data);
            sent.add(event.id() + " " + event.kind() + " " + json);
        }
        return sent;
    }

    private static Run ended(int maxEvents) {
        Run run = new Run("0b6f3c52-5d7e-4c1e-9a43-4c0f5f1b7a10", "scoring-run \u00e9", 42, RunSource.KAFKA,
                Instant.parse("2026-12-06T10:00:00.123456789Z"), new RunEvents(maxEvents), true);
        RunHistory history = new RunHistory();
        history.queued(run);
        run.markRunning();
        history.running(run);
        history.stepStarted(run, "normalize", Instant.parse("2026-12-06T10:00:01.5Z"));
        history.stepFinished(run, "normalize", 1_500_000, null);
        history.published(run, "progress", Map.of("percent", 50));
        history.published(run, "note", "half way");
        history.stepStarted(run, "score", Instant.parse("2026-12-06T10:00:02Z"));
        history.stepFinished(run, "score", 2_000_000, "boom");
        run.cancel();
        InvocationResponse envelope = new InvocationResponse(false, null, 1.25, null, "Run cancelled",
                Outcome.CANCELLED);
        run.finish(Outcome.CANCELLED, envelope);
        history.finished(run, Outcome.CANCELLED, 1, envelope);
        return run;
    }

    @Test
    void anEndedRunReadsBackWithItsRecordAndEvents() throws Exception {
        Run run = ended(100);

        Run kept = RunCodec.decode(RunCodec.encode(run, WRITER));

        assertThat(kept.id()).isEqualTo(run.id());
        assertThat(kept.name()).isEqualTo(run.name());
        assertThat(kept.sequence()).isEqualTo(42);
        assertThat(kept.source()).isEqualTo(RunSource.KAFKA);
        assertThat(kept.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(kept.async()).isTrue();
        assertThat(kept.cancelRequested()).isTrue();
        assertThat(kept.created()).isEqualTo(run.created());
        assertThat(kept.started()).isEqualTo(run.started());
        assertThat(kept.finished()).isEqualTo(run.finished());
        assertThat(kept.executionTime()).isEqualTo(1.25);
        assertThat(kept.error()).isEqualTo("Run cancelled");
        assertThat(kept.envelopeJson()).isEqualTo(WRITER.writeValueAsBytes(run.response()));
        assertThat(sent(kept)).isEqualTo(sent(run)).hasSize(9);
        assertThat(kept.events().since(0, 100).ended()).isTrue();
    }

    @Test
    void aRunWhoseAnswerWasWrittenKeepsThoseBytes() throws Exception {
        Run run = ended(100);
        byte[] answer = WRITER.writeValueAsBytes(run.response());
        run.written(run.response(), answer);

        Run kept = RunCodec.decode(RunCodec.encode(run, WRITER));

        assertThat(kept.envelopeJson()).isEqualTo(answer);
        assertThat(sent(kept)).isEqualTo(sent(run));
    }

    @Test
    void trimmedEventsStayTrimmedWithTheirIds() throws Exception {
        Run run = ended(3);

        Run kept = RunCodec.decode(RunCodec.encode(run, WRITER));

        RunEvents.Slice slice = kept.events().since(0, 100);
        assertThat(slice.firstAvailable()).isEqualTo(7);
        assertThat(slice.events()).extracting(RunEvent::id).containsExactly(7L, 8L, 9L);
        assertThat(sent(kept)).isEqualTo(sent(run));
    }

    @Test
    void idsAreComparedInPlace() throws Exception {
        byte[] encoded = RunCodec.encode(ended(10), WRITER);
        // As a store keeps it: after other bytes
        byte[] bytes = new byte[encoded.length + 7];
        System.arraycopy(encoded, 0, bytes, 7, encoded.length);

        assertThat(RunCodec.hasId(bytes, 7, "0b6f3c52-5d7e-4c1e-9a43-4c0f5f1b7a10")).isTrue();
        assertThat(RunCodec.hasId(bytes, 7, "0b6f3c52-5d7e-4c1e-9a43-4c0f5f1b7a11")).isFalse();
        assertThat(RunCodec.hasId(bytes, 7, "0b6f3c52")).isFalse();
        assertThat(RunCodec.id(bytes, 7)).isEqualTo("0b6f3c52-5d7e-4c1e-9a43-4c0f5f1b7a10");
    }
}
