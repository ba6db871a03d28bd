package io.quarkiverse.pipelinedeployment.it;

/**
 * The pipeline's output: the fraud score and whether it is above the threshold.
 */
public record Verdict(double score, boolean flagged) {
}
