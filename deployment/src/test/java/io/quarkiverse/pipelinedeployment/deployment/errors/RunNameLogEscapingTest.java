package io.quarkiverse.pipelinedeployment.deployment.errors;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invokeRaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.FailingPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A client-supplied {@code run_name} with a line break and an ANSI escape, in a failing run: the warning logged for
 * the failure shows it escaped and truncated, so it cannot forge log lines or colour a terminal.
 */
public class RunNameLogEscapingTest {

    static final String TAIL = "x".repeat(300);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FailingPipeline.class, PipelineTests.class))
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.pipelinedeployment.runtime"))
            .assertLogRecords(RunNameLogEscapingTest::escaped);

    @Test
    void failingRunWithAForgedName() {
        invokeRaw("/invoke", "{\"parameters\": {\"amount\": 1}, \"run_name\": \"evil\\n2026-01-01 INFO [forged] ok"
                + "\\u001b[31mred\\r\\t" + TAIL + "\"}")
                .statusCode(200)
                .body("success", equalTo(false))
                // The envelope gives the client its own name back, as it sent it
                .body("metadata.run_name", equalTo("evil\n2026-01-01 INFO [forged] ok\u001b[31mred\r\t" + TAIL));
    }

    static void escaped(List<java.util.logging.LogRecord> records) {
        List<String> failures = records.stream().map(r -> ((ExtLogRecord) r).getFormattedMessage())
                .filter(m -> m.contains(" failed")).toList();
        assertThat(failures).hasSize(1);
        String line = failures.get(0);
        assertThat(line).contains("evil\\n2026-01-01 INFO [forged] ok\\u001b[31mred\\r\\t")
                .doesNotContain("\n", "\r", "\t", "\u001b")
                .contains("...")
                .doesNotContain(TAIL);
    }
}
