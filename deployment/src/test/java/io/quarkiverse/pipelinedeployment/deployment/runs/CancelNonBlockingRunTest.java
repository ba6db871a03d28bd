package io.quarkiverse.pipelinedeployment.deployment.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.RunCancelledException;
import io.quarkiverse.pipelinedeployment.RunContext;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.smallrye.common.annotation.NonBlocking;

/**
 * Cancel of a running {@code @NonBlocking} pipeline: it runs on the event loop and cannot be interrupted, so it goes
 * on until its next step, which throws {@link RunCancelledException} without running; the run ends
 * {@code cancelled}.
 * <p>
 * The pipeline holds its event loop until the cancel has been answered (a stand-in for a long computation). The
 * submission and the cancel use two connections opened one after the other, which the server puts on two different
 * event loops.
 */
public class CancelNonBlockingRunTest {

    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch CANCEL_ANSWERED = new CountDownLatch(1);
    static final CountDownLatch REFUSED = new CountDownLatch(1);
    static final AtomicInteger AFTER_RAN = new AtomicInteger();
    static final AtomicReference<String> RUN_ID = new AtomicReference<>();
    static final AtomicReference<String> THREAD = new AtomicReference<>();
    static final AtomicReference<Boolean> INTERRUPTED = new AtomicReference<>(false);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(OnTheLoop.class, RunCalls.class, Sse.class));

    @TestHTTPResource("/")
    URL root;

    @Test
    void theNextStepThrowsAndTheRunEndsCancelled() throws Exception {
        String id;
        try (Socket submission = RunCalls.connect(root); Socket cancel = RunCalls.connect(root)) {
            // The event loop runs the pipeline before it answers the submission: the run's id comes from RunContext
            RunCalls.post(submission, "/runs", "{\"parameters\": {\"word\": \"w\"}}");
            assertThat(STARTED.await(10, TimeUnit.SECONDS)).as("the run started").isTrue();
            id = RUN_ID.get();

            RunCalls.post(cancel, "/runs/" + id + "/cancel", "");
            String cancelled = RunCalls.readResponse(cancel);
            CANCEL_ANSWERED.countDown();
            assertThat(cancelled).startsWith("HTTP/1.1 202");
            JsonNode record = RunCalls.json(RunCalls.body(cancelled));
            assertThat(record.get("run_id").asText()).isEqualTo(id);
            assertThat(record.get("cancel_requested").asBoolean()).isTrue();

            assertThat(RunCalls.readResponse(submission)).startsWith("HTTP/1.1 202");
        } finally {
            CANCEL_ANSWERED.countDown();
        }
        assertThat(REFUSED.await(10, TimeUnit.SECONDS)).as("the step after the cancel threw RunCancelledException")
                .isTrue();
        RunCalls.assertCancelled(id, "Run cancelled");
        assertThat(AFTER_RAN.get()).as("the step after the cancel never ran").isZero();
        assertThat(INTERRUPTED.get()).as("an event loop is never interrupted").isFalse();
        assertThat(THREAD.get()).startsWith("vert.x-eventloop-thread-");

        List<Sse.Event> events = RunCalls.events(root, id);
        assertThat(RunCalls.startedSteps(events)).containsExactly("first");
        assertThat(RunCalls.kinds(events)).endsWith("run_cancelled");
    }

    @ApplicationScoped
    public static class OnTheLoop {

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

        @NonBlocking
        @Pipeline
        public String quick(String word) {
            THREAD.set(Thread.currentThread().getName());
            first(word);
            RUN_ID.set(run.id());
            STARTED.countDown();
            try {
                CANCEL_ANSWERED.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                INTERRUPTED.set(true);
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
