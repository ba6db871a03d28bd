package io.quarkiverse.pipelinedeployment.runtime;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.http.HttpHandlers;
import io.quarkiverse.pipelinedeployment.runtime.http.RequestBodies;
import io.quarkiverse.pipelinedeployment.runtime.runs.MemoryRunStore;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore;
import io.quarkiverse.pipelinedeployment.runtime.runs.Runs;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Builds the run store and the handlers of submissions ({@code POST <invoke>}, {@code POST <runs>}) and of the runs
 * endpoint at startup.
 */
@Recorder
public class RunsRecorder {

    private final RuntimeValue<PipelineRuntimeConfig> config;

    public RunsRecorder(RuntimeValue<PipelineRuntimeConfig> config) {
        this.config = config;
    }

    /** The embedded store, {@code quarkus.pipeline.runs.store=memory}. */
    public Supplier<RunStore> memoryStore() {
        RunsConfig runs = config.getValue().runs();
        long maxBytes = runs.maxMemory().map(MemorySize::asLongValue)
                .orElse(Runtime.getRuntime().maxMemory() / 10);
        return () -> new MemoryRunStore(runs.maxRecords(), maxBytes, runs.retention(),
                Arc.container().instance(ObjectMapper.class).get().writer());
    }

    /**
     * @param runsPath the runs endpoint's absolute path, or {@code null} when it is not served
     * @param alwaysAsync whether every submission is asynchronous ({@code POST <runs>})
     */
    public Handler<RoutingContext> submissions(String runsPath, boolean alwaysAsync) {
        DeploymentService service = Arc.container().instance(DeploymentService.class).get();
        return HttpHandlers.invoke(new Runs(runtime(), store(), service), service, runsPath, alwaysAsync,
                config.getValue().runs().keepaliveInterval(), RequestBodies.limit(config.getValue().maxRequestSize()));
    }

    /** @param action {@code LIST}, {@code GET}, {@code RESULT}, {@code EVENTS} or {@code CANCEL} */
    public Handler<RoutingContext> runsHandler(String action, String runsPath) {
        return HttpHandlers.runs(action, store(), runtime(), runsPath, config.getValue().runs().keepaliveInterval());
    }

    private static RunStore store() {
        return Arc.container().instance(RunStore.class).get();
    }

    private static PipelineRuntime runtime() {
        return Arc.container().instance(PipelineRuntime.class).get();
    }
}
