package io.quarkiverse.pipelinedeployment.deployment;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.pipelinedeployment.AppExtension;
import io.quarkiverse.pipelinedeployment.DeploymentAppRunner;
import io.quarkiverse.pipelinedeployment.DeploymentService;
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
        ClassInfo clazz = concreteClass(SERVICE_CLASS_KEY, name, index.getComputingIndex());
        if (!implementsInterface(clazz, DEPLOYMENT_SERVICE, index.getComputingIndex())) {
            throw new ConfigurationException(SERVICE_CLASS_KEY + "=" + name + " does not implement "
                    + DEPLOYMENT_SERVICE, Set.of(SERVICE_CLASS_KEY));
        }
        if (publicConstructor(clazz, true) == null && publicConstructor(clazz, false) == null) {
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
        ClassInfo clazz = concreteClass(APP_RUNNER_KEY, name, index.getComputingIndex());
        if (!extendsClass(clazz, DEPLOYMENT_APP_RUNNER, index.getComputingIndex())) {
            throw new ConfigurationException(APP_RUNNER_KEY + "=" + name + " does not extend " + DEPLOYMENT_APP_RUNNER,
                    Set.of(APP_RUNNER_KEY));
        }
        // A regular bean of type AppRunner: it replaces the built-in @DefaultBean
        beans.produce(AdditionalBeanBuildItem.builder().addBeanClass(name)
                .setDefaultScope(BuiltinScope.SINGLETON.getName()).setUnremovable().build());
    }

    private static boolean extendsClass(ClassInfo clazz, DotName superName, IndexView index) {
        for (ClassInfo c = clazz; c != null && c.superName() != null; c = index.getClassByName(c.superName())) {
            if (c.superName().equals(superName)) {
                return true;
            }
        }
        return false;
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
        List<Map.Entry<String, PipelineBuildTimeConfig.ExtensionConfig>> entries = new ArrayList<>(
                config.extensions().entrySet());
        entries.sort(Comparator.<Map.Entry<String, PipelineBuildTimeConfig.ExtensionConfig>> comparingInt(
                e -> e.getValue().order()).thenComparing(Map.Entry::getKey));
        List<String> classes = new ArrayList<>();
        List<Map<String, String>> args = new ArrayList<>();
        for (Map.Entry<String, PipelineBuildTimeConfig.ExtensionConfig> e : entries) {
            String key = "quarkus.pipeline.extensions.\"" + e.getKey() + "\".class";
            String name = e.getValue().className().trim();
            ClassInfo clazz = concreteClass(key, name, index.getComputingIndex());
            if (!implementsInterface(clazz, APP_EXTENSION, index.getComputingIndex())) {
                throw new ConfigurationException(key + "=" + name + " does not implement " + APP_EXTENSION,
                        Set.of(key));
            }
            if (publicConstructor(clazz, false) == null) {
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

    private static ClassInfo concreteClass(String key, String name, IndexView index) {
        ClassInfo clazz = index.getClassByName(DotName.createSimple(name));
        if (clazz == null) {
            throw new ConfigurationException(key + "=" + name + ": no such class in the application", Set.of(key));
        }
        if (java.lang.reflect.Modifier.isAbstract(clazz.flags()) || clazz.isInterface()) {
            throw new ConfigurationException(key + "=" + name + " is abstract", Set.of(key));
        }
        return clazz;
    }

    static boolean implementsInterface(ClassInfo clazz, DotName iface, IndexView index) {
        for (ClassInfo c = clazz; c != null; c = c.superName() == null ? null : index.getClassByName(c.superName())) {
            for (DotName implemented : c.interfaceNames()) {
                if (implemented.equals(iface)) {
                    return true;
                }
                ClassInfo parent = index.getClassByName(implemented);
                if (parent != null && implementsInterface(parent, iface, index)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static MethodInfo publicConstructor(ClassInfo clazz, boolean withMap) {
        for (MethodInfo m : clazz.constructors()) {
            if (!java.lang.reflect.Modifier.isPublic(m.flags())) {
                continue;
            }
            List<Type> parameters = m.parameterTypes();
            if (withMap ? parameters.size() == 1 && parameters.get(0).name().equals(MAP) : parameters.isEmpty()) {
                return m;
            }
        }
        return null;
    }
}
