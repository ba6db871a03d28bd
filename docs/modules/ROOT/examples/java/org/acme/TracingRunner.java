package org.acme;

import io.quarkiverse.pipelinedeployment.DeploymentAppRunner;

/**
 * A runner subclass ({@code deployment_app_runner_flavor}): its flavor is reported as {@code app_runner_flavor} in
 * {@code /info}; {@code app-runner-args} are in {@link #args()}.
 */
public class TracingRunner extends DeploymentAppRunner {

    @Override
    public String flavor() {
        return "vertx-" + args().getOrDefault("tracer", "none");
    }
}
