package org.acme;

import java.util.Map;

import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.PipelineDeploymentService;
import io.smallrye.mutiny.Uni;

/**
 * A deployment service subclass ({@code deployment_service_class}), built with the {@code service-args}: it names
 * each run after the configured prefix.
 */
public class AuditedService extends PipelineDeploymentService {

    private final String runPrefix;

    public AuditedService(Map<String, String> args) {
        this.runPrefix = args.getOrDefault("run-prefix", "run");
    }

    @Override
    public Uni<InvocationResponse> invoke(InvocationRequest request) {
        return super.invoke(new InvocationRequest(request.parameters(), runPrefix + "-" + System.nanoTime(),
                request.timeout(), request.receivedAtNanos()));
    }
}
