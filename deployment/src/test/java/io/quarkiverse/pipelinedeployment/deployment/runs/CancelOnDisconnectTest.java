package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.Socket;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.RunCancelledException;
import io.quarkiverse.pipelinedeployment.RunContext;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * The client of a synchronous invoke goes away before the answer: the run is cancelled as by the cancel endpoint.
 * Its thread is interrupted, {@link RunContext#isCancelled()} turns true, the step the pipeline calls next throws
 * {@link RunCancelledException} without running, and the run's record ends {@code cancelled}.
 */
public class CancelOnDisconnectTest {

    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch INTERRUPTED = new CountDownLatch(1);
    static final CountDownLatch ENDED = new CountDownLatch(1);
    static final CountDownLatch NEVER = new CountDownLatch(1);
    static final AtomicInteger AFTER_RAN = new AtomicInteger();
    static final AtomicBoolean SEEN_CANCELLED = new AtomicBoolean();
    static final AtomicBoolean REFUSED = new AtomicBoolean();
    static final AtomicReference<String> RUN_ID = new AtomicReference<>();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Abandoned.class, RunCalls.class, Sse.class));

    @TestHTTPResource("/")
    URL root;

    @Test
    void noStepStartsAfterTheClientWentAway() throws Exception {
        try (Socket socket = RunCalls.connect(root)) {
            RunCalls.post(socket, "/invoke", "{\"parameters\": {\"word\": \"w\"}}");
            assertThat(STARTED.await(10, TimeUnit.SECONDS)).as("the run started").isTrue();
        }
        assertThat(INTERRUPTED.await(10, TimeUnit.SECONDS)).as("the pipeline's thread was interrupted").isTrue();
        assertThat(ENDED.await(10, TimeUnit.SECONDS)).as("the pipeline went on to its next step").isTrue();
        assertThat(SEEN_CANCELLED.get()).as("RunContext.isCancelled()").isTrue();
        assertThat(REFUSED.get()).as("the step after the disconnect threw RunCancelledException").isTrue();
        assertThat(AFTER_RAN.get()).as("the step after the disconnect never ran").isZero();

        String id = RUN_ID.get();
        when().get("/runs/" + id).then().statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("cancel_requested", equalTo(true))
                .body("error", equalTo("Run cancelled"));
        List<Sse.Event> events = RunCalls.events(root, id);
        assertThat(RunCalls.startedSteps(events)).containsExactly("first");
        assertThat(RunCalls.kinds(events)).endsWith("run_cancelled");
    }

    @ApplicationScoped
    public static class Abandoned {

        @Inject
        RunContext run;

        @Step
        String first(String word) {
            return word;
        }

        @Step
        String after(String word) {
            AFTER_RAN.incrementAndGet();
            return word;
        }

        @Pipeline
        public String abandoned(String word) {
            RUN_ID.set(run.id());
            first(word);
            STARTED.countDown();
            try {
                NEVER.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                INTERRUPTED.countDown();
            }
            SEEN_CANCELLED.set(run.isCancelled());
            try {
                return after(word);
            } catch (RunCancelledException e) {
                REFUSED.set(true);
                throw e;
            } finally {
                ENDED.countDown();
            }
        }
    }
}
