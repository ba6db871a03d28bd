package io.quarkiverse.pipelinedeployment.deployment.custom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;

/**
 * The user-named entries that run in a chain (custom middleware, app extensions), in the order they run: lower
 * {@code order} first, then by id.
 */
public final class OrderedConfig {

    private OrderedConfig() {
    }

    /** The custom middleware, outermost first. */
    public static List<Map.Entry<String, PipelineBuildTimeConfig.MiddlewareConfig>> middlewares(
            PipelineBuildTimeConfig config) {
        return byOrder(config.customMiddlewares(), PipelineBuildTimeConfig.MiddlewareConfig::order);
    }

    /** The app extensions, first installed first. */
    public static List<Map.Entry<String, PipelineBuildTimeConfig.ExtensionConfig>> extensions(
            PipelineBuildTimeConfig config) {
        return byOrder(config.extensions(), PipelineBuildTimeConfig.ExtensionConfig::order);
    }

    private static <V> List<Map.Entry<String, V>> byOrder(Map<String, V> entries, ToIntFunction<V> order) {
        List<Map.Entry<String, V>> sorted = new ArrayList<>(entries.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, V>> comparingInt(e -> order.applyAsInt(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        return sorted;
    }
}
