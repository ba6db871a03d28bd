package io.quarkiverse.pipelinedeployment.deployment.execution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * A @RunOnVirtualThread pipeline runs on a virtual thread on Java 21+, and on the invocation pool before.
 */
public class VirtualThreadPipelineTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(LoomPipeline.class));

    @Test
    void runsOnTheRightThread() {
        boolean loom = Runtime.version().feature() >= 21;
        given().contentType("application/json").body("{\"parameters\":{}}").post("/invoke").then()
                .statusCode(200)
                .body("outputs.output.virtual", equalTo(loom))
                .body("outputs.output.thread", loom ? equalTo("") : startsWith("pipeline-invoke-"));
    }

    public static class LoomPipeline {
        @RunOnVirtualThread
        @Pipeline
        public java.util.Map<String, Object> run() {
            Thread t = Thread.currentThread();
            // Thread.isVirtual() exists from Java 21 on; a virtual thread's name is empty unless set
            boolean virtual = !t.getName().startsWith("pipeline-invoke-") && t.getName().isEmpty();
            return java.util.Map.of("virtual", virtual, "thread", t.getName());
        }
    }
}
