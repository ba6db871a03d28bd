package io.quarkiverse.pipelinedeployment.deployment.reliability;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invokeRaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A 10 s pipeline invoked with {@code "timeout": 1} answers 504 after about a second; its thread is interrupted, and
 * the next invocation succeeds.
 */
public class InterruptedTimeoutTest {

    static final CountDownLatch INTERRUPTED = new CountDownLatch(1);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Sleeper.class, PipelineTests.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "1");

    @Test
    void timesOutInterruptsAndRecovers() throws InterruptedException {
        // Answered after the 1 s timeout, long before the 10 s run would end
        invokeRaw("/invoke", "{\"parameters\": {\"millis\": 10000}, \"timeout\": 1}")
                .time(allOf(greaterThan(900L), lessThan(6000L)), TimeUnit.MILLISECONDS)
                .statusCode(504)
                .body("success", equalTo(false))
                .body("error", equalTo("Pipeline execution timed out after 1.0 seconds"));
        assertThat(INTERRUPTED.await(5, TimeUnit.SECONDS)).as("the pipeline thread was interrupted").isTrue();
        invokeRaw("/invoke", "{\"parameters\": {\"millis\": 10}}").statusCode(200)
                .body("outputs.output", equalTo("slept 10 ms"));
    }

    public static class Sleeper {
        @Pipeline
        public String sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                INTERRUPTED.countDown();
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            return "slept " + millis + " ms";
        }
    }
}
