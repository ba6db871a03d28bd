package io.quarkiverse.pipelinedeployment.deployment.reliability;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.deployment.hooks.HookLog;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * The packaged application the SIGTERM tests run as a process of their own: a pipeline that logs its long runs to
 * {@link HookLog} under {@link #LOG}, and {@code GET /pid} to find the process to signal.
 */
final class SigtermApp {

    static final String LOG = "sigterm-app";

    private SigtermApp() {
    }

    static QuarkusProdModeTest named(String name) {
        return new QuarkusProdModeTest()
                .withApplicationRoot(jar -> jar.addClasses(Draining.class, Pid.class, HookLog.class))
                .setApplicationName(name)
                .setApplicationVersion("1")
                .overrideConfigKey("quarkus.pipeline.custom-endpoints.pid.path", "/pid")
                .overrideConfigKey("quarkus.pipeline.custom-endpoints.pid.handler", Pid.class.getName() + "#pid")
                .overrideConfigKey("quarkus.pipeline.custom-endpoints.pid.auth-required", "false")
                .setRun(true);
    }

    public static class Draining {
        @Pipeline
        public long sleep(long millis) throws InterruptedException {
            // Only a long run is logged: short invocations that get in before the shutdown are not
            if (millis < 1000) {
                return millis;
            }
            HookLog.append(LOG, "started");
            Thread.sleep(millis);
            HookLog.append(LOG, "done");
            return millis;
        }
    }

    public static class Pid {
        public static long pid() {
            return ProcessHandle.current().pid();
        }
    }
}
