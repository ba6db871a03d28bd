package io.quarkiverse.pipelinedeployment.deployment.pipelines;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.PipelineParam;

/**
 * Returns a map (wrapped as {"output": ...}) and declares every kind of parameter: required, defaulted,
 * Optional and not-required.
 */
public class EchoPipeline {

    public enum Currency {
        EUR,
        USD
    }

    @Pipeline
    public Map<String, Object> echo(String name,
            @PipelineParam(defaultValue = "3") int times,
            @PipelineParam(defaultValue = "EUR") Currency currency,
            @PipelineParam(defaultValue = "[1, 2]") List<Integer> weights,
            Optional<String> note,
            @PipelineParam(name = "tag", required = false) String label) {
        return Map.of("name", name, "times", times, "currency", currency, "weights", weights,
                "note", note.orElse("none"), "tag", String.valueOf(label));
    }
}
