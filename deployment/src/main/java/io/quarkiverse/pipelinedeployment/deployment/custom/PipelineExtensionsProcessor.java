package io.quarkiverse.pipelinedeployment.deployment.custom;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;

import io.quarkiverse.pipelinedeployment.AppExtension;
import io.quarkiverse.pipelinedeployment.DeploymentAppRunner;
import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.deployment.JandexReferences;
import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;
import io.quarkiverse.pipelinedeployment.runtime.CustomizationRecorder;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vertx.http.deployment.VertxWebRouterBuildItem;

/**
 * Replaceable parts: the deployment service class and the app extensions, checked against the Jandex index at build
 * time and built at startup.
 */
class PipelineExtensionsProcessor {

    static final String SERVICE_CLASS_KEY = "quarkus.pipeline.service-class";
    static final String APP_RUNNER_KEY = "quarkus.pipeline.app-runner";
    private static final DotName DEPLOYMENT_APP_RUNNER = DotName.createSimple(DeploymentAppRunner.class);
    private static final DotName DEPLOYMENT_SERVICE = DotName.createSimple(DeploymentService.class);
    private static final DotName APP_EXTENSION = DotName.createSimple(AppExtension.class);
    private static final DotName MAP = DotName.createSimple(Map.class);

    @BuildStep
    ServiceClassBuildItem collectServiceClass(
            PipelineBuildTimeConfig config,
            CombinedIndexBuildItem index,
            BuildProducer<ReflectiveClassBuildItem> reflection) {
        if (config.serviceClass().isEmpty() || config.serviceClass().get().isBlank()) {
            return new ServiceClassBuildItem(null);
        }
        String name = config.serviceClass().get().trim();
        ClassInfo clazz = JandexReferences.concreteClass(SERVICE_CLASS_KEY, name, index.getComputingIndex());
        if (!JandexReferences.implementsInterface(clazz, DEPLOYMENT_SERVICE, index.getComputingIndex())) {
            throw new ConfigurationException(SERVICE_CLASS_KEY + "=" + name + " does not implement "
                    + DEPLOYMENT_SERVICE, Set.of(SERVICE_CLASS_KEY));
        }
        if (!JandexReferences.hasPublicConstructor(clazz, List.of(MAP))
                && !JandexReferences.hasPublicConstructor(clazz, List.of())) {
            throw new ConfigurationException(SERVICE_CLASS_KEY + "=" + name
                    + " needs a public (Map<String, String>) or no-argument constructor", Set.of(SERVICE_CLASS_KEY));
        }
        reflection.produce(ReflectiveClassBuildItem.builder(name).constructors().reason(getClass().getName()).build());
        return new ServiceClassBuildItem(name);
    }

    @BuildStep
    void registerAppRunner(
            PipelineBuildTimeConfig config,
            CombinedIndexBuildItem index,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (config.appRunner().isEmpty() || config.appRunner().get().isBlank()) {
            return;
        }
        String name = config.appRunner().get().trim();
        ClassInfo clazz = JandexReferences.concreteClass(APP_RUNNER_KEY, name, index.getComputingIndex());
        if (!JandexReferences.extendsClass(clazz, DEPLOYMENT_APP_RUNNER, index.getComputingIndex())) {
            throw new ConfigurationException(APP_RUNNER_KEY + "=" + name + " does not extend " + DEPLOYMENT_APP_RUNNER,
                    Set.of(APP_RUNNER_KEY));
        }
        // A regular bean of type AppRunner: it replaces the built-in @DefaultBean
        beans.produce(AdditionalBeanBuildItem.builder().addBeanClass(name)
                .setDefaultScope(BuiltinScope.SINGLETON.getName()).setUnremovable().build());
    }

    @BuildStep
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    ServiceStartBuildItem installExtensions(
            CustomizationRecorder recorder,
            PipelineBuildTimeConfig config,
            CombinedIndexBuildItem index,
            VertxWebRouterBuildItem router,
            BuildProducer<ReflectiveClassBuildItem> reflection) {
        List<String> classes = new ArrayList<>();
        List<Map<String, String>> args = new ArrayList<>();
        for (Map.Entry<String, PipelineBuildTimeConfig.ExtensionConfig> e : OrderedConfig.extensions(config)) {
            String key = "quarkus.pipeline.extensions.\"" + e.getKey() + "\".class";
            String name = e.getValue().className().trim();
            ClassInfo clazz = JandexReferences.concreteClass(key, name, index.getComputingIndex());
            if (!JandexReferences.implementsInterface(clazz, APP_EXTENSION, index.getComputingIndex())) {
                throw new ConfigurationException(key + "=" + name + " does not implement " + APP_EXTENSION,
                        Set.of(key));
            }
            if (!JandexReferences.hasPublicConstructor(clazz, List.of())) {
                throw new ConfigurationException(key + "=" + name + " needs a public no-argument constructor",
                        Set.of(key));
            }
            reflection.produce(ReflectiveClassBuildItem.builder(name).constructors().reason(getClass().getName())
                    .build());
            classes.add(name);
            args.add(Map.copyOf(e.getValue().args()));
        }
        recorder.installExtensions(router.getHttpRouter(), classes, args);
        return new ServiceStartBuildItem("pipeline-extensions");
    }
}
