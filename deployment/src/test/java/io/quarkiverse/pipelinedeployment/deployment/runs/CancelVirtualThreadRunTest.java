package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.RunCancelledException;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Cancel of a running {@code @RunOnVirtualThread} pipeline: its thread (a virtual thread on Java 21+, an invocation
 * thread before) is interrupted, the step it calls after the cancel throws {@link RunCancelledException} without
 * running, and the run ends {@code cancelled}.
 */
public class CancelVirtualThreadRunTest {

    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch INTERRUPTED = new CountDownLatch(1);
    static final CountDownLatch REFUSED = new CountDownLatch(1);
    static final CountDownLatch NEVER = new CountDownLatch(1);
    static final AtomicInteger AFTER_RAN = new AtomicInteger();
    static final AtomicReference<String> THREAD = new AtomicReference<>();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Held.class, RunCalls.class, Sse.class));

    @TestHTTPResource("/")
    URL root;

    @Test
    void cancelInterruptsTheThreadAndNoStepStartsAfterIt() throws Exception {
        String id = RunCalls.submit("{\"word\": \"w\"}");
        assertThat(STARTED.await(10, TimeUnit.SECONDS)).as("the run started").isTrue();

        given().post("/runs/" + id + "/cancel").then().statusCode(202)
                .body("run_id", equalTo(id))
                .body("cancel_requested", equalTo(true));
        assertThat(INTERRUPTED.await(10, TimeUnit.SECONDS)).as("the pipeline's thread was interrupted").isTrue();
        assertThat(REFUSED.await(10, TimeUnit.SECONDS)).as("the step after the cancel threw RunCancelledException")
                .isTrue();
        RunCalls.assertCancelled(id, "Run cancelled");
        assertThat(AFTER_RAN.get()).as("the step after the cancel never ran").isZero();
        if (Runtime.version().feature() >= 21) {
            assertThat(THREAD.get()).as("a virtual thread (unnamed)").isEmpty();
        } else {
            assertThat(THREAD.get()).as("no virtual threads before Java 21: the invocation pool")
                    .startsWith("pipeline-invoke-");
        }

        List<Sse.Event> events = RunCalls.events(root, id);
        assertThat(RunCalls.startedSteps(events)).containsExactly("first");
        assertThat(RunCalls.kinds(events)).startsWith("run_queued", "run_started").endsWith("run_cancelled");
        assertThat(RunCalls.json(events.get(events.size() - 1).data()).get("error").asText())
                .isEqualTo("Run cancelled");
    }

    public static class Held {
        @Step
        String first(String word) {
            return word;
        }

        @Step
        String after(String word) {
            AFTER_RAN.incrementAndGet();
            return word;
        }

        @RunOnVirtualThread
        @Pipeline
        public String held(String word) {
            THREAD.set(Thread.currentThread().getName());
            first(word);
            STARTED.countDown();
            try {
                NEVER.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                INTERRUPTED.countDown();
            }
            try {
                return after(word);
            } catch (RunCancelledException e) {
                REFUSED.countDown();
                throw e;
            }
        }
    }
}
