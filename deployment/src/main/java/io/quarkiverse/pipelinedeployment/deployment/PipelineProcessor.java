package io.quarkiverse.pipelinedeployment.deployment;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.invoke.Invoker;
import jakarta.inject.Singleton;

import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.pipelinedeployment.DeploymentAppRunner;
import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.EndpointDescriptor;
import io.quarkiverse.pipelinedeployment.MiddlewareDescriptor;
import io.quarkiverse.pipelinedeployment.PipelineDeploymentService;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkiverse.pipelinedeployment.deployment.custom.BuiltinMiddleware;
import io.quarkiverse.pipelinedeployment.deployment.custom.CustomEndpointBuildItem;
import io.quarkiverse.pipelinedeployment.deployment.custom.HooksBuildItem;
import io.quarkiverse.pipelinedeployment.deployment.custom.OrderedConfig;
import io.quarkiverse.pipelinedeployment.deployment.custom.ServiceClassBuildItem;
import io.quarkiverse.pipelinedeployment.deployment.engine.PipelineBuildItem;
import io.quarkiverse.pipelinedeployment.deployment.engine.PipelineScanner;
import io.quarkiverse.pipelinedeployment.deployment.http.ServedEndpointBuildItem;
import io.quarkiverse.pipelinedeployment.runtime.CustomizationRecorder;
import io.quarkiverse.pipelinedeployment.runtime.EngineRecorder;
import io.quarkiverse.pipelinedeployment.runtime.custom.CodeReference;
import io.quarkiverse.pipelinedeployment.runtime.engine.BuildMetadata;
import io.quarkiverse.pipelinedeployment.runtime.engine.CurrentRunContext;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.engine.StepInterceptor;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore;
import io.quarkiverse.pipelinedeployment.runtime.security.ApiKeys;
import io.quarkiverse.pipelinedeployment.spi.PipelineEngine;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AutoAddScopeBuildItem;
import io.quarkus.arc.deployment.BeanRegistrationPhaseBuildItem;
import io.quarkus.arc.deployment.BeanRegistrationPhaseBuildItem.BeanConfiguratorBuildItem;
import io.quarkus.arc.deployment.InvokerFactoryBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.builder.Version;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ApplicationInfoBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.deployment.builditem.ShutdownListenerBuildItem;
import io.quarkus.deployment.execannotations.ExecutionModelAnnotationsAllowedBuildItem;
import io.quarkus.deployment.recording.RecorderContext;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.vertx.core.Vertx;

/**
 * Core wiring: discovers the {@code @Pipeline}, generates its invoker, and registers the pipeline runtime and the
 * default deployment service as beans.
 */
class PipelineProcessor {

    /** How many invocations the Dev UI's "Recent invocations" page keeps (dev mode only). */
    static final int RECENT_INVOCATIONS = 50;

    static final String FEATURE = "pipeline-deployment";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem registerBeans() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(Step.class, StepInterceptor.class, CurrentRunContext.class, DeploymentAppRunner.class,
                        ApiKeys.class)
                .setUnremovable()
                .build();
    }

    @BuildStep
    AutoAddScopeBuildItem addScopeToPipelineBeans() {
        return AutoAddScopeBuildItem.builder()
                .anyMethodMatches(method -> method.hasDeclaredAnnotation(PipelineScanner.PIPELINE)
                        || method.hasDeclaredAnnotation(PipelineScanner.STEP))
                .defaultScope(BuiltinScope.SINGLETON)
                .unremovable()
                .reason("Found @Pipeline or @Step methods")
                .build();
    }

    @BuildStep
    ExecutionModelAnnotationsAllowedBuildItem allowExecutionModelAnnotations() {
        // @NonBlocking, @Blocking and @RunOnVirtualThread are meaningful on the pipeline's entry method
        return new ExecutionModelAnnotationsAllowedBuildItem(
                method -> method.hasDeclaredAnnotation(PipelineScanner.PIPELINE));
    }

    @BuildStep
    PipelineBuildItem discoverPipeline(
            CombinedIndexBuildItem index,
            PipelineBuildTimeConfig config) {
        return new PipelineScanner(index.getComputingIndex(), index.getIndex()).scan(config.name());
    }

    @BuildStep
    PipelineInvokerBuildItem generateInvoker(
            BeanRegistrationPhaseBuildItem beanRegistrationPhase,
            InvokerFactoryBuildItem invokerFactory,
            PipelineBuildItem pipeline,
            // Keeps this step in the bean registration phase, before ArC generates its classes
            BuildProducer<BeanConfiguratorBuildItem> beanConfigurators) {
        DotName beanClass = pipeline.method().declaringClass().name();
        BeanInfo bean = beanRegistrationPhase.getContext().beans().classBeans().withBeanClass(beanClass).firstResult()
                .orElseThrow(() -> new ConfigurationException("The class " + beanClass + " declares @Pipeline method "
                        + pipeline.method().name() + " but is not a CDI bean: make it a concrete class with a "
                        + "no-argument or @Inject constructor", Set.of(PipelineScanner.NAME_KEY)));
        return new PipelineInvokerBuildItem(invokerFactory.createInvoker(bean, pipeline.method())
                .withInstanceLookup()
                .build());
    }

    @BuildStep
    @Record(RUNTIME_INIT)
    SyntheticBeanBuildItem registerDefaultService(
            CustomizationRecorder recorder,
            ServiceClassBuildItem serviceClass) {
        // A user bean of type DeploymentService replaces this one
        return SyntheticBeanBuildItem.configure(PipelineDeploymentService.class)
                .types(DeploymentService.class, PipelineDeploymentService.class)
                .scope(Singleton.class)
                .defaultBean()
                .unremovable()
                .setRuntimeInit()
                .supplier(recorder.defaultService(serviceClass.className()))
                .done();
    }

    @BuildStep
    @Record(RUNTIME_INIT)
    @SuppressWarnings("unchecked")
    SyntheticBeanBuildItem registerPipelineRuntime(
            EngineRecorder recorder,
            PipelineBuildItem pipeline,
            PipelineInvokerBuildItem invoker,
            List<ServedEndpointBuildItem> servedEndpoints,
            List<CustomEndpointBuildItem> customEndpoints,
            PipelineBuildTimeConfig config,
            ApplicationInfoBuildItem application,
            HttpRootPathBuildItem httpRootPath,
            LaunchModeBuildItem launchMode,
            RecorderContext recorderContext) {
        List<EndpointDescriptor> builtins = new ArrayList<>();
        servedEndpoints.stream().sorted(Comparator.comparing(ServedEndpointBuildItem::endpoint))
                .forEach(e -> builtins.add(new EndpointDescriptor(e.endpoint().configName,
                        new ArrayList<>(e.methods()), httpRootPath.relativePath(e.path()))));
        BuildMetadata build = new BuildMetadata(
                UUID.randomUUID().toString(),
                application.getName() + ":" + application.getVersion(),
                application.getName(),
                application.getVersion(),
                Version.getVersion(),
                builtins,
                customEndpoints(customEndpoints, httpRootPath),
                middlewares(config));
        RuntimeValue<Invoker<Object, Object>> invokerInstance = (RuntimeValue<Invoker<Object, Object>>) (RuntimeValue<?>) recorderContext
                .newInstance(invoker.invoker().getClassName());
        return SyntheticBeanBuildItem.configure(PipelineRuntime.class)
                // PipelineEngine: how the public PipelineDeploymentService and DeploymentAppRunner reach it
                .types(PipelineRuntime.class, PipelineEngine.class)
                .scope(Singleton.class)
                .unremovable()
                .setRuntimeInit()
                .addInjectionPoint(ClassType.create(DotName.createSimple(ObjectMapper.class)))
                .addInjectionPoint(ClassType.create(DotName.createSimple(Vertx.class)))
                .addInjectionPoint(ClassType.create(DotName.createSimple(MeterRegistry.class)))
                .addInjectionPoint(ClassType.create(DotName.createSimple(RunStore.class)))
                .createWith(recorder.pipelineRuntime(pipeline.definition(), invokerInstance, build,
                        launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT ? RECENT_INVOCATIONS : 0))
                .done();
    }

    /**
     * Graceful shutdown by default: on SIGTERM, Quarkus refuses new requests with 503 and waits up to
     * {@code quarkus.shutdown.timeout} for the ones in flight, before the shutdown hook and the service's cleanup.
     * The application can set its own value.
     */
    @BuildStep
    RunTimeConfigurationDefaultBuildItem gracefulShutdown() {
        return new RunTimeConfigurationDefaultBuildItem("quarkus.shutdown.timeout", "30s");
    }

    /** On SIGTERM, new invocations are answered 503 while the ones in flight finish. */
    @BuildStep
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    ShutdownListenerBuildItem refuseInvocationsOnShutdown(EngineRecorder recorder) {
        return new ShutdownListenerBuildItem(recorder.shutdownListener());
    }

    /** The custom endpoints for {@code AppRunner.endpoints()}. */
    private static List<EndpointDescriptor> customEndpoints(List<CustomEndpointBuildItem> customEndpoints,
            HttpRootPathBuildItem httpRootPath) {
        List<EndpointDescriptor> list = new ArrayList<>();
        for (CustomEndpointBuildItem e : customEndpoints) {
            String methods = e.method() == null ? "*" : e.method().name();
            String path = e.method() == null ? httpRootPath.relativePath(e.path() + "/*") : e.fullPath(httpRootPath);
            list.add(new EndpointDescriptor(e.name(), new ArrayList<>(List.of(methods)), path));
        }
        return list;
    }

    /** The middleware for {@code AppRunner.middlewares()}, outermost first. */
    private static List<MiddlewareDescriptor> middlewares(PipelineBuildTimeConfig config) {
        List<MiddlewareDescriptor> list = new ArrayList<>();
        var builtins = BuiltinMiddleware.parse(config.middleware());
        // Secure headers are the outermost filter, then CORS
        for (BuiltinMiddleware m : List.of(BuiltinMiddleware.SECURE_HEADERS, BuiltinMiddleware.CORS)) {
            if (builtins.contains(m)) {
                list.add(new MiddlewareDescriptor(m.configName, "builtin", Integer.MIN_VALUE, null));
            }
        }
        for (var e : OrderedConfig.middlewares(config)) {
            String reference = e.getValue().className().trim();
            String kind = e.getValue().nativeHandler() ? "native" : ClassReference.isMethod(reference) ? "method" : "class";
            list.add(new MiddlewareDescriptor(e.getKey(), kind, e.getValue().order(), reference));
        }
        return list;
    }

    @BuildStep
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    ServiceStartBuildItem initializeService(
            CustomizationRecorder recorder,
            HooksBuildItem hooks,
            ShutdownContextBuildItem shutdown) {
        recorder.initializeService(shutdown, reference(hooks.startupHook()), reference(hooks.shutdownHook()));
        return new ServiceStartBuildItem(FEATURE);
    }

    private static CodeReference reference(String reference) {
        return reference == null ? null : CodeReference.parse(reference);
    }
}
