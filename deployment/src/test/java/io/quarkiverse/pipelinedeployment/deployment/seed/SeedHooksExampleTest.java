package io.quarkiverse.pipelinedeployment.deployment.seed;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.acme.Hooks;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.hooks.HookLog;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's "Startup and shutdown hooks" (Python and YAML) as {@code hooks.properties} and {@code org.acme.Hooks}:
 * each runs once, with its argument bound by name.
 */
public class SeedHooksExampleTest {

    static final String LOG = "seed-hooks";
    /** Writes to a file: the test runs in the application's class loader, the after-all check in JUnit's. */
    static final Handler COLLECTOR = new Handler() {
        @Override
        public void publish(LogRecord record) {
            HookLog.append(LOG, ((ExtLogRecord) record).getFormattedMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> SeedExamples.app(jar, "hooks", Hooks.class, HookLog.class))
            .setBeforeAllCustomizer(() -> HookLog.reset(LOG))
            // While the application runs: the startup hook ran once
            .setLogRecordPredicate(r -> r.getLoggerName().equals(Hooks.class.getName()))
            .assertLogRecords(records -> assertThat(records)
                    .extracting(r -> ((ExtLogRecord) r).getFormattedMessage())
                    .containsExactly("Startup hook: warm=true"))
            // After it stopped: the shutdown hook ran once
            .setAfterAllCustomizer(() -> {
                Logger logger = Logger.getLogger(Hooks.class.getName());
                for (Handler handler : logger.getHandlers()) {
                    logger.removeHandler(handler);
                }
                assertThat(HookLog.lines(LOG)).containsExactly("Shutdown hook: drain timeout 2 s");
            });

    @Test
    void theServiceRunsBetweenTheHooks() {
        // Collects what the hooks log from now on, until the application has stopped
        Logger.getLogger(Hooks.class.getName()).addHandler(COLLECTOR);
        when().get("/health").then().statusCode(200);
        assertThat(HookLog.lines(LOG)).isEmpty();
    }
}
