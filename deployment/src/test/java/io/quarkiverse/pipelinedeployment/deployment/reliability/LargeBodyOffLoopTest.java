package io.quarkiverse.pipelinedeployment.deployment.reliability;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invokeRaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.vertx.VertxContext;

/**
 * An invoke body over 64 KiB is parsed, bound and its answer written on a worker thread, while the pipeline is still
 * handed the request on the request's Vert.x context (an event-loop pipeline runs on the event loop); a small body is
 * handled on the event loop from end to end. The threads are those that Jackson uses to build the body's tree, to
 * bind a parameter and to write the output.
 */
public class LargeBodyOffLoopTest {

    static final String EVENT_LOOP = "vert.x-eventloop-thread-";
    static final AtomicReference<String> PARSED_ON = new AtomicReference<>();
    static final AtomicReference<String> BOUND_ON = new AtomicReference<>();
    static final AtomicReference<String> WRITTEN_ON = new AtomicReference<>();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(EventLoopPipeline.class, EventLoopPipeline.Out.class,
                    Traced.class, TracedSerializer.class, Marker.class, MarkerDeserializer.class,
                    RecordingNodes.class, RecordingCustomizer.class, PipelineTests.class));

    @BeforeEach
    void reset() {
        PARSED_ON.set(null);
        BOUND_ON.set(null);
        WRITTEN_ON.set(null);
    }

    static String body(int features) {
        StringBuilder sb = new StringBuilder("{\"parameters\": {\"marker\": \"parse-marker\", \"features\": [0.5");
        for (int i = 1; i < features; i++) {
            sb.append(", 0.5");
        }
        return sb.append("]}}").toString();
    }

    @Test
    void smallBodyStaysOnTheEventLoop() {
        String body = body(10);
        assertThat(body.length()).isLessThan(64 * 1024);
        invokeRaw("/invoke", body).statusCode(200)
                .body("outputs.count", equalTo(10))
                .body("outputs.duplicated_context", equalTo(true))
                .body("outputs.thread", startsWith(EVENT_LOOP));
        assertThat(PARSED_ON.get()).startsWith(EVENT_LOOP);
        assertThat(BOUND_ON.get()).startsWith(EVENT_LOOP);
        assertThat(WRITTEN_ON.get()).startsWith(EVENT_LOOP);
    }

    @Test
    void largeBodyIsParsedAndWrittenOffTheEventLoop() {
        String body = body(50_000);
        assertThat(body.length()).isGreaterThan(64 * 1024);
        invokeRaw("/invoke", body).statusCode(200)
                .body("outputs.count", equalTo(50_000))
                // The hand-off to the pipeline is back on the request's context
                .body("outputs.duplicated_context", equalTo(true))
                .body("outputs.thread", startsWith(EVENT_LOOP));
        assertThat(PARSED_ON.get()).isNotNull().doesNotStartWith(EVENT_LOOP);
        assertThat(BOUND_ON.get()).isNotNull().doesNotStartWith(EVENT_LOOP);
        assertThat(WRITTEN_ON.get()).isNotNull().doesNotStartWith(EVENT_LOOP);
    }

    @Test
    void largeInvalidBodyGets422() {
        invokeRaw("/invoke", body(50_000).replace("\"marker\"", "\"unknown\"")).statusCode(422)
                .body("detail[0].type", equalTo("extra_forbidden"))
                .body("detail[1].type", equalTo("missing"));
        invokeRaw("/invoke", body(50_000).substring(1000)).statusCode(422)
                .body("detail[0].type", equalTo("json_invalid"));
    }

    @ApplicationScoped
    public static class EventLoopPipeline {

        @NonBlocking
        @Pipeline
        public Out run(Marker marker, List<Double> features) {
            return new Out(Thread.currentThread().getName(), VertxContext.isOnDuplicatedContext(), features.size(),
                    new Traced());
        }

        public record Out(String thread, @JsonProperty("duplicated_context") boolean duplicatedContext, int count,
                Traced traced) {
        }
    }

    /** A parameter whose deserializer records the thread that binds it. */
    @JsonDeserialize(using = MarkerDeserializer.class)
    public static class Marker {
    }

    public static class MarkerDeserializer extends JsonDeserializer<Marker> {
        @Override
        public Marker deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BOUND_ON.set(Thread.currentThread().getName());
            p.getText();
            return new Marker();
        }
    }

    /** A value whose serializer records the thread that writes it. */
    @JsonSerialize(using = TracedSerializer.class)
    public static class Traced {
    }

    public static class TracedSerializer extends JsonSerializer<Traced> {
        @Override
        public void serialize(Traced value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            WRITTEN_ON.set(Thread.currentThread().getName());
            gen.writeString("traced");
        }
    }

    /** Records the thread that builds the text node of the marker, that is, the thread parsing the body. */
    public static class RecordingNodes extends JsonNodeFactory {
        @Override
        public TextNode textNode(String text) {
            if ("parse-marker".equals(text)) {
                PARSED_ON.set(Thread.currentThread().getName());
            }
            return super.textNode(text);
        }
    }

    @Singleton
    public static class RecordingCustomizer implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.setNodeFactory(new RecordingNodes());
        }
    }
}
