package io.quarkiverse.pipelinedeployment.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import io.quarkus.runtime.configuration.ConfigBuilder;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigSourceInterceptorFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.DefaultValuesConfigSource;
import io.smallrye.config.Priorities;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Makes an empty value of a {@code quarkus.pipeline.*} key mean its default, wherever it comes from (an empty
 * environment variable, {@code -Dkey=}, {@code key=} in {@code application.properties}, an expression that expands to
 * nothing). SmallRye Config would otherwise refuse it at startup (SRCFG00040) for every key that is not optional. A
 * key without a default keeps SmallRye's meaning of an empty value (an optional key is then unset); other extensions'
 * keys are left alone; a value that is not empty is converted and validated as usual.
 * <p>
 * Registered for static init and run time by the deployment's {@code PipelineConfigProcessor}.
 */
public final class EmptyMeansDefaultConfigBuilder implements ConfigBuilder {

    static final String PREFIX = "quarkus.pipeline.";

    @Override
    public SmallRyeConfigBuilder configBuilder(SmallRyeConfigBuilder builder) {
        return builder.withInterceptorFactories(new Factory(builder));
    }

    private static final class Factory implements ConfigSourceInterceptorFactory {

        private final SmallRyeConfigBuilder builder;

        Factory(SmallRyeConfigBuilder builder) {
            this.builder = builder;
        }

        @Override
        public ConfigSourceInterceptor getInterceptor(ConfigSourceInterceptorContext context) {
            // Called while the configuration is built, once every mapping has registered its defaults
            Map<String, String> defaults = new HashMap<>();
            for (Map.Entry<String, String> entry : builder.getDefaultValues().entrySet()) {
                if (entry.getKey().startsWith(PREFIX)) {
                    defaults.put(entry.getKey(), entry.getValue());
                }
            }
            return new EmptyMeansDefaultInterceptor(new DefaultValuesConfigSource(defaults, "quarkus.pipeline defaults",
                    DefaultValuesConfigSource.ORDINAL));
        }

        @Override
        public OptionalInt getPriority() {
            // Outside the expression interceptor (LIBRARY + 300), so "${VAR:}" expanding to nothing is empty too
            return OptionalInt.of(Priorities.LIBRARY + 400);
        }
    }

    static final class EmptyMeansDefaultInterceptor implements ConfigSourceInterceptor {

        private static final long serialVersionUID = 1L;

        /** The defaults of the {@code quarkus.pipeline.*} keys, map keys ({@code *}) included. */
        private final DefaultValuesConfigSource defaults;

        EmptyMeansDefaultInterceptor(DefaultValuesConfigSource defaults) {
            this.defaults = defaults;
        }

        @Override
        public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
            ConfigValue value = context.proceed(name);
            if (value == null || value.getValue() == null || !value.getValue().isBlank() || !name.startsWith(PREFIX)) {
                return value;
            }
            String defaultValue = defaults.getValue(name);
            if (defaultValue == null) {
                return value;
            }
            return value.from()
                    .withValue(defaultValue)
                    .withRawValue(defaultValue)
                    .withConfigSourceName(DefaultValuesConfigSource.NAME)
                    .withConfigSourceOrdinal(DefaultValuesConfigSource.ORDINAL)
                    .build();
        }
    }
}
