package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.quarkiverse.pipelinedeployment.deployment.runs.Events.assertDense;
import static io.quarkiverse.pipelinedeployment.deployment.runs.Events.kinds;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.RunContext;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.response.Response;

/**
 * The injectable {@link RunContext}: inside a run, {@code id()} and {@code name()} are the run's, and
 * {@code publish(kind, data)} adds an event with the data as JSON, from a step and from a thread the pipeline hands
 * work to through a {@code ManagedExecutor}; reserved and malformed kinds are refused; {@code isCancelled()} turns
 * true once the run is cancelled. Outside a run (a step called directly), it has no id nor name, publishes nothing and
 * is not cancelled.
 */
public class RunContextTest {

    static final Map<String, List<Boolean>> CANCELLED_SEEN = new ConcurrentHashMap<>();
    static final CountDownLatch NEVER = new CountDownLatch(1);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(
                    jar -> jar.addClasses(Contextual.class, Probe.class, Progress.class, Explosive.class, Sse.class,
                            Sse.Event.class, Events.class));

    @TestHTTPResource("/runs")
    URI runs;

    @Inject
    Probe probe;

    @Inject
    RunContext context;

    @Test
    void idAndNameAreTheRuns() {
        Response response = given().contentType("application/json")
                .body("{\"parameters\": {\"mode\": \"identity\"}, \"run_name\": \"who-am-i\"}").post("/invoke");
        response.then().statusCode(200).body("success", equalTo(true));
        String id = response.jsonPath().getString("metadata.run_id");
        assertThat(response.jsonPath().getList("outputs.output")).containsExactly(id, "who-am-i", "false");
    }

    @Test
    void publishedEventsFromAStepAndFromAManagedExecutorThread() throws Exception {
        Response response = given().contentType("application/json")
                .body("{\"parameters\": {\"mode\": \"publish\"}}").post("/invoke");
        response.then().statusCode(200).body("success", equalTo(true));
        String id = response.jsonPath().getString("metadata.run_id");
        List<String> threads = response.jsonPath().getList("outputs.output");
        // The executor's task ran on another thread, as the run's
        assertThat(threads.get(1)).isNotEqualTo(threads.get(0));
        assertThat(threads.get(2)).isEqualTo(id);

        List<Sse.Event> events = events(id);
        assertDense(events);
        assertThat(kinds(events)).containsExactly("run_queued", "run_started", "step_started", "progress",
                "step_completed", "from-thread", "nothing", "list", "text", "a", "x".repeat(64), "my.kind-1_2",
                "run_completed");
        assertThat(events.get(3).data()).isEqualTo("{\"done\":1,\"of\":[\"a\",\"b\"]}");
        assertThat(events.get(5).data()).isEqualTo("{\"thread\":\"" + threads.get(1) + "\"}");
        assertThat(events.get(6).data()).isEqualTo("null");
        assertThat(events.get(7).data()).isEqualTo("[1,2.5,true]");
        assertThat(events.get(8).data()).isEqualTo("\"line one\\nline two\"");
        // Written when published: the later change to the list is not seen
        assertThat(events.get(9).data()).isEqualTo("[\"before\"]");
    }

    @Test
    void reservedAndMalformedKindsAreRefused() {
        Response response = given().contentType("application/json")
                .body("{\"parameters\": {\"mode\": \"refused\"}}").post("/invoke");
        response.then().statusCode(200).body("success", equalTo(true));
        List<String> messages = response.jsonPath().getList("outputs.output");
        List<String> expected = new ArrayList<>();
        for (String reserved : Contextual.RESERVED) {
            expected.add("The event kind '" + reserved + "' is reserved for the built-in events");
        }
        for (String malformed : Contextual.MALFORMED) {
            expected.add("An event kind is 1 to 64 letters, digits, '_', '-' or '.', not '" + malformed + "'");
        }
        assertThat(messages.subList(0, expected.size())).containsExactlyElementsOf(expected);
        assertThat(messages.get(expected.size())).startsWith("The data of event 'explosive' cannot be written as JSON");
        assertThat(messages).hasSize(expected.size() + 1);

        // Nothing refused made it into the events
        String id = response.jsonPath().getString("metadata.run_id");
        assertThat(kinds(events(id))).containsExactly("run_queued", "run_started", "run_completed");
    }

    @Test
    void outsideARun() {
        assertThat(probe.identity()).containsExactly(null, null, "false");
        // Does nothing, and does not fail
        probe.progress();
        assertThat(context.id()).isNull();
        assertThat(context.name()).isNull();
        assertThat(context.isCancelled()).isFalse();
        context.publish("progress", Map.of("done", 1));
        // A reserved kind is still a mistake
        assertThatThrownBy(() -> context.publish("run_completed", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isCancelledTurnsTrueOnCancel() {
        String id = given().contentType("application/json").body("{\"parameters\": {\"mode\": \"cancel\"}}")
                .post("/runs").then().statusCode(202).extract().jsonPath().getString("run_id");
        await().atMost(30, TimeUnit.SECONDS).until(() -> CANCELLED_SEEN.containsKey(id));
        assertThat(CANCELLED_SEEN.get(id)).containsExactly(false);

        given().post("/runs/" + id + "/cancel").then().statusCode(202).body("cancel_requested", equalTo(true));
        await().atMost(30, TimeUnit.SECONDS).until(() -> CANCELLED_SEEN.get(id).size() == 2);
        assertThat(CANCELLED_SEEN.get(id)).containsExactly(false, true);
        when().get("/runs/" + id + "/result?wait=20").then().statusCode(200)
                .body("success", equalTo(false))
                .body("error", equalTo("Run cancelled"));
    }

    private List<Sse.Event> events(String id) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Sse sse = Sse.get(URI.create(runs + "/" + id + "/events"), Map.of())) {
                return sse.all();
            }
        });
    }

    @ApplicationScoped
    public static class Probe {

        @Inject
        RunContext run;

        @Step
        public List<String> identity() {
            return Arrays.asList(run.id(), run.name(), Boolean.toString(run.isCancelled()));
        }

        @Step
        public void progress() {
            run.publish("progress", new Progress(1, List.of("a", "b")));
        }
    }

    public record Progress(int done, List<String> of) {
    }

    /** Its getter fails: it cannot be written as JSON. */
    public static class Explosive {
        public String getValue() {
            throw new IllegalStateException("nope");
        }
    }

    public static class Contextual {

        static final String[] RESERVED = { "run_queued", "run_started", "step_started", "step_completed",
                "step_failed", "run_completed", "run_failed", "run_timed_out", "run_cancelled", "gap" };
        static final String[] MALFORMED = { "", "has space", "x".repeat(65), "new\nline", "ünïcode", "colon:", null };

        @Inject
        RunContext run;

        @Inject
        Probe probe;

        @Inject
        ManagedExecutor executor;

        @Pipeline
        public List<String> contextual(String mode) throws Exception {
            switch (mode) {
                case "identity":
                    return probe.identity();
                case "publish":
                    probe.progress();
                    String pipelineThread = Thread.currentThread().getName();
                    List<String> other = executor.supplyAsync(() -> {
                        run.publish("from-thread", Map.of("thread", Thread.currentThread().getName()));
                        return List.of(Thread.currentThread().getName(), run.id());
                    }).get(30, TimeUnit.SECONDS);
                    run.publish("nothing", null);
                    run.publish("list", List.of(1, 2.5, true));
                    run.publish("text", "line one\nline two");
                    List<String> changing = new ArrayList<>(List.of("before"));
                    run.publish("a", changing);
                    changing.add("after");
                    run.publish("x".repeat(64), Map.of());
                    run.publish("my.kind-1_2", 0);
                    return List.of(pipelineThread, other.get(0), other.get(1));
                case "refused":
                    List<String> messages = new ArrayList<>();
                    for (String kind : RESERVED) {
                        messages.add(refused(kind, "data"));
                    }
                    for (String kind : MALFORMED) {
                        messages.add(refused(kind, "data"));
                    }
                    messages.add(refused("explosive", new Explosive()));
                    return messages;
                case "cancel":
                    List<Boolean> seen = new CopyOnWriteArrayList<>();
                    seen.add(run.isCancelled());
                    CANCELLED_SEEN.put(run.id(), seen);
                    try {
                        NEVER.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        // The cancel interrupts this thread
                    }
                    seen.add(run.isCancelled());
                    return List.of();
                default:
                    throw new IllegalArgumentException(mode);
            }
        }

        private String refused(String kind, Object data) {
            try {
                run.publish(kind, data);
                return "accepted " + kind;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
    }
}
