package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

/**
 * Cancel of a running {@code CompletionStage} pipeline. Mutiny cancels the stage it awaits with
 * {@code toCompletableFuture().cancel(false)}: nothing is interrupted, and that stage is one ArC's invoker derives
 * from the pipeline's own (to release the bean's creational context when it completes), so the pipeline's stage is
 * not cancelled. The run still ends {@code cancelled} at once, and the work behind the stage goes on only until its
 * next step, which throws {@link RunCancelledException} without running.
 */
public class CancelCompletionStageRunTest {

    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch CANCEL_ANSWERED = new CountDownLatch(1);
    static final CountDownLatch REFUSED = new CountDownLatch(1);
    static final AtomicInteger AFTER_RAN = new AtomicInteger();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Staged.class, RunCalls.class, Sse.class));

    @TestHTTPResource("/")
    URL root;

    @Test
    void theRunEndsCancelledAndNoStepStartsAfter() throws Exception {
        String id = RunCalls.submit("{\"word\": \"w\"}");
        assertThat(STARTED.await(10, TimeUnit.SECONDS)).as("the run started").isTrue();

        try {
            given().post("/runs/" + id + "/cancel").then().statusCode(202)
                    .body("run_id", equalTo(id))
                    .body("cancel_requested", equalTo(true));
            // Ended at once, while the work behind the stage still waits
            RunCalls.assertCancelled(id, "Run cancelled");
        } finally {
            CANCEL_ANSWERED.countDown();
        }
        assertThat(REFUSED.await(10, TimeUnit.SECONDS)).as("the step after the cancel threw RunCancelledException")
                .isTrue();
        assertThat(AFTER_RAN.get()).as("the step after the cancel never ran").isZero();
        List<Sse.Event> events = RunCalls.events(root, id);
        assertThat(RunCalls.startedSteps(events)).containsExactly("first");
        assertThat(RunCalls.kinds(events)).endsWith("run_cancelled");
        RunCalls.assertCancelled(id, "Run cancelled");
    }

    @ApplicationScoped
    public static class Staged {

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
        public CompletionStage<String> staged(String word) {
            first(word);
            CompletableFuture<String> result = new CompletableFuture<>();
            // The work behind the stage, on another thread (the run's context propagates to it)
            executor.runAsync(() -> {
                try {
                    CANCEL_ANSWERED.await(10, TimeUnit.SECONDS);
                    result.complete(after(word));
                } catch (RunCancelledException e) {
                    REFUSED.countDown();
                    result.completeExceptionally(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            STARTED.countDown();
            return result;
        }
    }
}
