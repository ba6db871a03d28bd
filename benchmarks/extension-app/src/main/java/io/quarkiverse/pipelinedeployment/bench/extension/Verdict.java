package io.quarkiverse.pipelinedeployment.bench.extension;

/** The pipeline's output. */
public record Verdict(double score, boolean flagged) {
}
