package io.quarkiverse.pipelinedeployment.deployment.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URL;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.RunContext;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.smallrye.mutiny.Uni;

/**
 * A {@code Uni} pipeline cancelled while its method still runs (it prepares on the event loop before it returns its
 * {@code Uni}): the run ends {@code cancelled}, and the {@code Uni} it returns is never subscribed, so the work it
 * stands for never starts.
 * <p>
 * The submission and the cancel use two connections opened one after the other, which the server puts on two
 * different event loops.
 */
public class CancelUniBeforeSubscriptionTest {

    static final CountDownLatch PREPARING = new CountDownLatch(1);
    static final CountDownLatch CANCEL_ANSWERED = new CountDownLatch(1);
    static final AtomicInteger SUBSCRIBED = new AtomicInteger();
    static final AtomicReference<String> RUN_ID = new AtomicReference<>();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Preparing.class, RunCalls.class, Sse.class));

    @TestHTTPResource("/")
    URL root;

    @Test
    void theReturnedUniIsNeverSubscribed() throws Exception {
        String id;
        try (Socket submission = RunCalls.connect(root); Socket cancel = RunCalls.connect(root)) {
            RunCalls.post(submission, "/runs", "{\"parameters\": {\"word\": \"w\"}}");
            assertThat(PREPARING.await(10, TimeUnit.SECONDS)).as("the pipeline method runs").isTrue();
            id = RUN_ID.get();
            RunCalls.post(cancel, "/runs/" + id + "/cancel", "");
            String cancelled = RunCalls.readResponse(cancel);
            CANCEL_ANSWERED.countDown();
            assertThat(cancelled).startsWith("HTTP/1.1 202");
            // Answered once the pipeline method has returned and its Uni was handled
            assertThat(RunCalls.readResponse(submission)).startsWith("HTTP/1.1 202");
        } finally {
            CANCEL_ANSWERED.countDown();
        }
        RunCalls.assertCancelled(id, "Run cancelled");
        assertThat(SUBSCRIBED.get()).as("the cancelled run's Uni was subscribed").isZero();
    }

    @ApplicationScoped
    public static class Preparing {

        @Inject
        RunContext run;

        @Pipeline
        public Uni<String> preparing(String word) throws InterruptedException {
            RUN_ID.set(run.id());
            PREPARING.countDown();
            // Preparation on the event loop, during which the run is cancelled
            CANCEL_ANSWERED.await(10, TimeUnit.SECONDS);
            return Uni.createFrom().item(() -> {
                SUBSCRIBED.incrementAndGet();
                return word;
            });
        }
    }
}
