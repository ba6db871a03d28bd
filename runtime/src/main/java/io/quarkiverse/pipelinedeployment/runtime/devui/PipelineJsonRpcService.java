package io.quarkiverse.pipelinedeployment.runtime.devui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.runtime.engine.CancelResult;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.engine.Problem;
import io.quarkiverse.pipelinedeployment.runtime.engine.RecentInvocations;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunSource;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatus;
import io.quarkiverse.pipelinedeployment.runtime.http.RunJson;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore;
import io.quarkiverse.pipelinedeployment.runtime.runs.Runs;
import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The Dev UI's JSON-RPC methods: the pipeline's schema, an invocation through the deployment service (the same path
 * as {@code POST <invoke>}, with the same envelope), the recent invocations with their step timings, and the runs:
 * list, look up, start, cancel and follow their events.
 */
public class PipelineJsonRpcService {

    private static final TypeReference<Map<String, Object>> PLAIN = new TypeReference<>() {
    };

    /** The pipeline as {@code /info} describes it: name, default parameters, input and output schema, steps. */
    public Map<String, Object> getPipeline() {
        PipelineRuntime runtime = runtime();
        ObjectNode pipeline = runtime.mapper().valueToTree(runtime.info().pipeline());
        pipeline.put("invoke_url_path", runtime.info().app().invokeUrlPath());
        return plain(runtime.mapper(), pipeline);
    }

    /**
     * Invokes the pipeline with {@code parameters}, a JSON object as text. Answers the invoke envelope, or a
     * problem: {@code {"status": 400, "detail": "..."}} for text that is not JSON, {@code {"status": 422, "detail":
     * [...]}} for invalid parameters, {@code {"status": 503, "detail": "..."}} when the service turns the invocation
     * away.
     */
    public Uni<Map<String, Object>> invoke(String parameters) {
        PipelineRuntime runtime = runtime();
        ObjectMapper mapper = runtime.mapper();
        Object parsed = parameters(mapper, parameters);
        if (!(parsed instanceof ObjectNode object)) {
            return Uni.createFrom().item(problem(mapper, (Problem) parsed));
        }
        DeploymentService service = Arc.container().instance(DeploymentService.class).get();
        return Uni.createFrom().deferred(() -> service.invoke(InvocationRequest.of(object)))
                .map(response -> plain(mapper, mapper.valueToTree(response)))
                .onFailure().recoverWithItem(failure -> problem(mapper, Problem.of(failure)));
    }

    /** The last invocations, newest first: when each ended, its envelope, and its steps' timings. */
    public List<Map<String, Object>> getRecentInvocations() {
        PipelineRuntime runtime = runtime();
        RecentInvocations recent = runtime.recentInvocations();
        List<Map<String, Object>> result = new ArrayList<>();
        if (recent == null) {
            return result;
        }
        for (RecentInvocations.Entry entry : recent.newestFirst()) {
            ObjectNode node = runtime.mapper().valueToTree(entry.response());
            node.put("ended_at", entry.endedAt());
            result.add(plain(runtime.mapper(), node));
        }
        return result;
    }

    /**
     * The newest runs (at most 100), as {@code GET <runs>} lists them.
     *
     * @param status a status to show only, or empty for all
     */
    public Uni<Map<String, Object>> getRuns(String status) {
        RunStatus only = status == null || status.isBlank() ? null : RunStatus.parse(status);
        return store().list(new RunStore.Query(only == null ? null : Set.of(only), null, 100, null))
                .map(page -> read(json().list(page).getBytes()));
    }

    /** A run's record, as {@code GET <runs>/<id>} answers it, or {@code {"status": 404, ...}}. */
    public Uni<Map<String, Object>> getRun(String id) {
        return store().find(id).map(run -> run == null ? notFound() : read(json().record(run).getBytes()));
    }

    /** Starts a run of the pipeline without waiting for it, as {@code POST <runs>} does; answers its record. */
    public Uni<Map<String, Object>> submitRun(String parameters) {
        PipelineRuntime runtime = runtime();
        ObjectMapper mapper = runtime.mapper();
        Object parsed = parameters(mapper, parameters);
        if (!(parsed instanceof ObjectNode object)) {
            return Uni.createFrom().item(problem(mapper, (Problem) parsed));
        }
        Runs runs = new Runs(runtime, store(), Arc.container().instance(DeploymentService.class).get());
        // On a Vert.x context, as for an HTTP submission
        return Uni.createFrom().emitter(emitter -> runtime.vertx().runOnContext(v -> {
            Runs.Result result = runs.start(InvocationRequest.of(object), RunSource.HTTP, null, null,
                    parameters == null ? 0 : parameters.length());
            emitter.complete(result.kind() == Runs.Kind.FAILED ? problem(mapper, Problem.of(result.failure()))
                    : read(json().record(result.run()).getBytes()));
        }));
    }

    /** Cancels a run, as {@code POST <runs>/<id>/cancel} does: its record, or a 404 or 409 problem. */
    public Uni<Map<String, Object>> cancelRun(String id) {
        return store().find(id).map(run -> {
            if (run == null) {
                return notFound();
            }
            if (run.cancel() == CancelResult.FINISHED) {
                return problem(runtime().mapper(), Problem.of(409, "Run already finished"));
            }
            return read(json().record(run).getBytes());
        });
    }

    /**
     * A run's events, as {@code GET <runs>/<id>/events} streams them: the retained ones, then the new ones until the
     * terminal event. Each is {@code {"id", "event", "data"}} ({@code id} 0 for a gap).
     */
    public Multi<Map<String, Object>> streamRunEvents(String id) {
        return store().find(id).toMulti().flatMap(run -> run == null ? Multi.createFrom().empty()
                : Multi.createFrom().emitter(emitter -> new RunEventFeed(run, emitter, runtime().mapper(), json()).start()));
    }

    /**
     * The parameters, a JSON object as text (none for an empty text), or the problem with them: 400 for text that is
     * not JSON, 422 for JSON that is not an object.
     */
    private static Object parameters(ObjectMapper mapper, String parameters) {
        JsonNode tree;
        try {
            tree = parameters == null || parameters.isBlank() ? mapper.createObjectNode() : mapper.readTree(parameters);
        } catch (JsonProcessingException e) {
            return Problem.of(400, "The parameters are not valid JSON: " + e.getOriginalMessage());
        }
        return tree instanceof ObjectNode ? tree : Problem.of(422, "The parameters must be a JSON object");
    }

    private Map<String, Object> read(byte[] json) {
        try {
            return runtime().mapper().readValue(json, PLAIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> notFound() {
        return problem(runtime().mapper(), Problem.of(404, "Run not found"));
    }

    private static RunStore store() {
        return Arc.container().instance(RunStore.class).get();
    }

    private static RunJson json() {
        PipelineRuntime runtime = runtime();
        String runs = runtime.endpoints().stream().filter(e -> e.name().equals("runs")).map(e -> e.path())
                .findFirst().orElse("/runs");
        return new RunJson(runtime.mapper(), runtime.definition().getName(), runtime.deploymentId(), runs);
    }

    /**
     * {@code {"status": ..., "detail": ...}}; an unexpected failure's detail names it, as the Dev UI is for the
     * application's developer.
     */
    private static Map<String, Object> problem(ObjectMapper mapper, Problem problem) {
        ObjectNode node = mapper.createObjectNode().put("status", problem.status());
        if (problem.internal()) {
            node.put("detail", problem.cause().getClass().getSimpleName() + ": " + problem.cause().getMessage());
        } else {
            node.set("detail", mapper.valueToTree(problem.detail()));
        }
        return plain(mapper, node);
    }

    // Dev UI writes results with its own JSON codec, which knows maps and lists but not Jackson trees
    private static Map<String, Object> plain(ObjectMapper mapper, JsonNode node) {
        return mapper.convertValue(node, PLAIN);
    }

    private static PipelineRuntime runtime() {
        return Arc.container().instance(PipelineRuntime.class).get();
    }
}
