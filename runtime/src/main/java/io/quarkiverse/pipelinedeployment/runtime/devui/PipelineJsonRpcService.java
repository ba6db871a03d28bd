package io.quarkiverse.pipelinedeployment.runtime.devui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.engine.Problem;
import io.quarkiverse.pipelinedeployment.runtime.engine.RecentInvocations;
import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;

/**
 * The Dev UI's JSON-RPC methods: the pipeline's schema, an invocation through the deployment service (the same path
 * as {@code POST <invoke>}, with the same envelope), and the recent invocations with their step timings.
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
        JsonNode tree;
        try {
            tree = parameters == null || parameters.isBlank() ? mapper.createObjectNode() : mapper.readTree(parameters);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(problem(mapper, Problem.of(400, "The parameters are not valid JSON: "
                    + e.getOriginalMessage())));
        }
        if (!(tree instanceof ObjectNode object)) {
            return Uni.createFrom().item(problem(mapper, Problem.of(422, "The parameters must be a JSON object")));
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
