package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.util.Locale;

/** What started a run: an HTTP request, a Kafka record (§9) or a batch (§10). */
public enum RunSource {
    HTTP,
    KAFKA,
    BATCH;

    /** The wire name: {@code http}, {@code kafka} or {@code batch}. */
    public final String label = name().toLowerCase(Locale.ROOT);

    /** The source of a wire name, or {@code null} for an unknown one. */
    public static RunSource parse(String label) {
        for (RunSource source : values()) {
            if (source.label.equals(label)) {
                return source;
            }
        }
        return null;
    }
}
