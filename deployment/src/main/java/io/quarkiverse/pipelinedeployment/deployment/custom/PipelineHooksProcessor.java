package io.quarkiverse.pipelinedeployment.deployment.custom;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkiverse.pipelinedeployment.deployment.JandexReferences;
import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;
import io.quarkiverse.pipelinedeployment.runtime.engine.NamedArguments;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveMethodBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Lifecycle hooks: resolves {@code startup-hook} and {@code shutdown-hook} in the Jandex index, checks the
 * arguments known at build time against the method's parameters, and makes the hook classes beans and their
 * methods reflectively callable in native images.
 */
class PipelineHooksProcessor {

    static final String STARTUP_KEY = "quarkus.pipeline.startup-hook";
    static final String SHUTDOWN_KEY = "quarkus.pipeline.shutdown-hook";
    private static final DotName APP_RUNNER = DotName.createSimple("io.quarkiverse.pipelinedeployment.AppRunner");

    @BuildStep
    HooksBuildItem collectHooks(
            PipelineBuildTimeConfig config,
            CombinedIndexBuildItem index,
            BuildProducer<AdditionalBeanBuildItem> beans,
            BuildProducer<ReflectiveMethodBuildItem> reflection) {
        String startup = resolve(STARTUP_KEY, config.startupHook(), index.getComputingIndex(), beans, reflection);
        String shutdown = resolve(SHUTDOWN_KEY, config.shutdownHook(), index.getComputingIndex(), beans, reflection);
        return new HooksBuildItem(startup, shutdown);
    }

    private static String resolve(String key, Optional<String> configured, IndexView index,
            BuildProducer<AdditionalBeanBuildItem> beans, BuildProducer<ReflectiveMethodBuildItem> reflection) {
        if (configured.isEmpty() || configured.get().isBlank()) {
            return null;
        }
        String reference = configured.get().trim();
        MethodInfo method = JandexReferences.method(key, reference, index);
        if (!java.lang.reflect.Modifier.isStatic(method.flags())) {
            beans.produce(AdditionalBeanBuildItem.builder().addBeanClass(method.declaringClass().name().toString())
                    .setDefaultScope(BuiltinScope.SINGLETON.getName()).setUnremovable().build());
        }
        reflection.produce(new ReflectiveMethodBuildItem(PipelineHooksProcessor.class.getSimpleName(), method));
        // Arguments given at build time must match parameters; the ones given later are checked at startup
        Set<String> parameters = new HashSet<>();
        for (int i = 0; i < method.parametersCount(); i++) {
            if (method.parameterType(i).name().equals(APP_RUNNER)) {
                continue;
            }
            parameters.add(NamedArguments.normalize(JandexReferences.parameterName(key, reference, method, i)));
        }
        String argsPrefix = key + "-args.";
        for (String property : ConfigProvider.getConfig().getPropertyNames()) {
            if (property.startsWith(argsPrefix)) {
                String name = NamedArguments.normalize(property.substring(argsPrefix.length()));
                if (!parameters.contains(name)) {
                    throw new ConfigurationException(property + " names no parameter of " + reference
                            + "; its parameters are " + parameters, Set.of(property));
                }
            }
        }
        return reference;
    }
}
