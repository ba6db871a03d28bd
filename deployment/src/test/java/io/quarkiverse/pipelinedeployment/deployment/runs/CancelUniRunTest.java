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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.RunCancelledException;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * Cancel of a running {@code Uni} pipeline: the {@code Uni} is cancelled (its {@code onCancellation} runs), so the
 * step chained after it never runs even when its item arrives later; work the pipeline handed to another thread goes
 * on, and the step it calls after the cancel throws {@link RunCancelledException}. The run ends {@code cancelled}.
 */
public class CancelUniRunTest {

    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch CANCELLED = new CountDownLatch(1);
    static final CountDownLatch CANCEL_ANSWERED = new CountDownLatch(1);
    static final CountDownLatch REFUSED = new CountDownLatch(1);
    static final CountDownLatch ITEM_SENT = new CountDownLatch(1);
    static final AtomicInteger AFTER_RAN = new AtomicInteger();
    static final AtomicReference<UniEmitter<? super String>> EMITTER = new AtomicReference<>();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Pending.class, RunCalls.class, Sse.class));

    @TestHTTPResource("/")
    URL root;

    @Test
    void theUniIsCancelledAndNoStepStartsAfter() throws Exception {
        String id = RunCalls.submit("{\"word\": \"w\"}");
        assertThat(STARTED.await(10, TimeUnit.SECONDS)).as("the pipeline's Uni was subscribed").isTrue();

        try {
            given().post("/runs/" + id + "/cancel").then().statusCode(202)
                    .body("run_id", equalTo(id))
                    .body("cancel_requested", equalTo(true));
        } finally {
            CANCEL_ANSWERED.countDown();
        }
        assertThat(CANCELLED.await(10, TimeUnit.SECONDS)).as("the pipeline's Uni was cancelled").isTrue();
        assertThat(REFUSED.await(10, TimeUnit.SECONDS)).as("the step after the cancel threw RunCancelledException")
                .isTrue();
        assertThat(ITEM_SENT.await(10, TimeUnit.SECONDS)).as("the item came after the cancel").isTrue();
        RunCalls.assertCancelled(id, "Run cancelled");
        assertThat(AFTER_RAN.get()).as("no step ran after the cancel").isZero();

        List<Sse.Event> events = RunCalls.events(root, id);
        assertThat(RunCalls.startedSteps(events)).containsExactly("first");
        assertThat(RunCalls.kinds(events)).endsWith("run_cancelled");
    }

    @ApplicationScoped
    public static class Pending {

        @Inject
        ManagedExecutor executor;

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
        public Uni<String> pending(String word) {
            first(word);
            // Work handed to another thread (the run's context propagates to it) goes on after the cancel
            executor.runAsync(() -> {
                try {
                    CANCEL_ANSWERED.await(10, TimeUnit.SECONDS);
                    after(word);
                } catch (RunCancelledException e) {
                    REFUSED.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                // The item arrives after the cancel: the cancelled Uni drops it, so the chained step never runs
                EMITTER.get().complete(word);
                ITEM_SENT.countDown();
            });
            return Uni.createFrom().<String> emitter(emitter -> {
                EMITTER.set(emitter);
                STARTED.countDown();
            }).onCancellation().invoke(CANCELLED::countDown)
                    .map(this::after);
        }
    }
}
