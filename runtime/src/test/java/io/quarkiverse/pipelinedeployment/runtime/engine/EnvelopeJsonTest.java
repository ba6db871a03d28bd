package io.quarkiverse.pipelinedeployment.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ser.BeanSerializer;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Metadata;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;
import io.quarkiverse.pipelinedeployment.InvocationResponse.StepExecution;

/**
 * The envelope's hand-written serializers write what Jackson's bean serializer writes from the records' annotations,
 * byte for byte, whatever the fields hold and however the application's mapper is configured.
 */
class EnvelopeJsonTest {

    /** Takes the hand-written serializers off, for Jackson's own. */
    @JsonSerialize(using = JsonSerializer.None.class)
    interface Bean {
    }

    record Verdict(String label, double score) {
    }

    static final List<InvocationResponse> ENVELOPES = List.of(
            new InvocationResponse(true, new Verdict("spam", 0.97), 0.001234,
                    metadata(List.of(new StepExecution("normalize", StepExecution.COMPLETED, "2026-12-06T10:00:00.1Z",
                            1.5e-5), new StepExecution("score", StepExecution.COMPLETED, "2026-12-06T10:00:00.2Z", 0.25)),
                            0),
                    null, Outcome.SUCCESS),
            new InvocationResponse(false, null, 12.5, metadata(List.of(), 3), "Failed to execute pipeline: x \"y\"",
                    Outcome.FAILURE),
            new InvocationResponse(true, Map.of("output", List.of(1, 2.5, "é")), Double.NaN,
                    metadata(Arrays.asList(new StepExecution("", StepExecution.FAILED, null, 0), null), 0), null,
                    Outcome.SUCCESS),
            new InvocationResponse(true, Map.of(), 0, new Metadata(null, null, null, null, "p", "r", null, null, null),
                    null, Outcome.TIMEOUT),
            new InvocationResponse(false, null, 0, null, null, Outcome.CANCELLED));

    private static Metadata metadata(List<StepExecution> steps, int omitted) {
        ObjectMapper mapper = new ObjectMapper();
        return new Metadata("d-1", "scoring", "s-1", "v1", "scoring_pipeline", "r-1", "scoring-2026", mapper
                .createObjectNode().put("threshold", 0.7).set("features", mapper.createArrayNode().add(0.1).add(2)),
                steps, omitted);
    }

    @Test
    void writesWhatJacksonsBeanSerializerWrites() throws Exception {
        for (ObjectMapper mapper : List.of(new ObjectMapper(),
                new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL),
                new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_DEFAULT),
                new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_EMPTY),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT),
                JsonMapper.builder().enable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS).build())) {
            ObjectMapper beans = mapper.copy()
                    .addMixIn(InvocationResponse.class, Bean.class)
                    .addMixIn(Metadata.class, Bean.class)
                    .addMixIn(StepExecution.class, Bean.class);
            assertThat(beans.getSerializerProviderInstance().findValueSerializer(InvocationResponse.class))
                    .isInstanceOf(BeanSerializer.class);
            assertThat(beans.getSerializerProviderInstance().findValueSerializer(Metadata.class))
                    .isInstanceOf(BeanSerializer.class);
            for (InvocationResponse envelope : ENVELOPES) {
                String expected = beans.writeValueAsString(envelope);
                assertThat(mapper.writeValueAsString(envelope)).isEqualTo(expected);
                // Inside another value too (the runs' records hold envelopes and metadata)
                assertThat(mapper.writeValueAsString(Map.of("result", envelope)))
                        .isEqualTo(beans.writeValueAsString(Map.of("result", envelope)));
                if (envelope.metadata() != null) {
                    assertThat(mapper.writeValueAsString(envelope.metadata()))
                            .isEqualTo(beans.writeValueAsString(envelope.metadata()));
                }
            }
        }
    }

    @Test
    void durationsAreWrittenAsDoubleToStringWritesThem() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectMapper beans = mapper.copy().addMixIn(InvocationResponse.class, Bean.class)
                .addMixIn(Metadata.class, Bean.class);
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            // Durations as the engine makes them: nanoseconds over 10^9, from a microsecond to an hour
            double seconds = random.nextLong(1_000, 3_600_000_000_000L) / 1_000_000_000.0;
            InvocationResponse envelope = new InvocationResponse(true, Map.of(), seconds,
                    metadata(List.of(new StepExecution("s", StepExecution.COMPLETED, "t", seconds)), 0), null,
                    Outcome.SUCCESS);
            assertThat(mapper.writeValueAsString(envelope)).isEqualTo(beans.writeValueAsString(envelope));
        }
    }

    @Test
    void theJacksonSerializerIsTheHandWrittenOne() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.getSerializerProviderInstance().findValueSerializer(InvocationResponse.class))
                .isInstanceOf(EnvelopeJson.Response.class);
        assertThat(mapper.getSerializerProviderInstance().findValueSerializer(Metadata.class))
                .isInstanceOf(EnvelopeJson.Metadata.class);
    }
}
