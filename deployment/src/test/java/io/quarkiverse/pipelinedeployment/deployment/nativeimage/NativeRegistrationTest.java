package io.quarkiverse.pipelinedeployment.deployment.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.acme.ApiKeyExtension;
import org.acme.Endpoints;
import org.acme.RequestTimingMiddleware;
import org.acme.ScoreResource;
import org.acme.TimingHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkiverse.pipelinedeployment.runtime.engine.EnvelopeJson;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveHierarchyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveMethodBuildItem;
import io.quarkus.test.QuarkusUnitTest;

/**
 * What a native image needs, asserted on the build items the extension produces (a native build cannot run here):
 * the pipeline's parameter and output types, the step types, the custom endpoint, middleware and extension classes
 * for reflection, and the dashboard and docs pages as resources.
 */
public class NativeRegistrationTest {

    // The build runs in another class loader than the test: the items' names travel through system properties
    static final String REFLECTION = "pipeline.test.native.reflection";
    static final String HIERARCHY = "pipeline.test.native.hierarchy";
    static final String RESOURCES = "pipeline.test.native.resources";
    static final String METHODS = "pipeline.test.native.methods";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Endpoints.class,
                    RequestTimingMiddleware.class, TimingHeaders.class, ApiKeyExtension.class, ScoreResource.class))
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.predict.path", "/predict/custom")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.predict.method", "POST")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.predict.handler",
                    Endpoints.class.getName() + "#buildPredictEndpoint")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.predict.init-args.model_path", "/models/model.pkl")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.score.path", "/native")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.score.handler", ScoreResource.class.getName())
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.score.native", "true")
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.timing.class", RequestTimingMiddleware.class.getName())
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.latency.class",
                    TimingHeaders.class.getName() + "#timingHeader")
            .overrideConfigKey("quarkus.pipeline.extensions.auth.class", ApiKeyExtension.class.getName())
            .overrideConfigKey("quarkus.pipeline.extensions.auth.args.valid-keys", "secret-1")
            .addBuildChainCustomizer(recordNativeItems());

    static Consumer<BuildChainBuilder> recordNativeItems() {
        return chain -> chain.addBuildStep(NativeRegistrationTest::record)
                .consumes(ReflectiveClassBuildItem.class)
                .consumes(ReflectiveHierarchyBuildItem.class)
                .consumes(NativeImageResourceBuildItem.class)
                .consumes(ReflectiveMethodBuildItem.class)
                .produces(FeatureBuildItem.class)
                .build();
    }

    static void record(BuildContext context) {
        Set<String> reflection = new TreeSet<>();
        for (ReflectiveClassBuildItem item : context.consumeMulti(ReflectiveClassBuildItem.class)) {
            reflection.addAll(item.getClassNames());
        }
        Set<String> hierarchy = new TreeSet<>();
        for (ReflectiveHierarchyBuildItem item : context.consumeMulti(ReflectiveHierarchyBuildItem.class)) {
            hierarchy.add(item.getType().name().toString());
        }
        Set<String> resources = new TreeSet<>();
        for (NativeImageResourceBuildItem item : context.consumeMulti(NativeImageResourceBuildItem.class)) {
            resources.addAll(item.getResources());
        }
        Set<String> methods = new TreeSet<>();
        for (ReflectiveMethodBuildItem item : context.consumeMulti(ReflectiveMethodBuildItem.class)) {
            methods.add(item.getDeclaringClass() + "#" + item.getName());
        }
        System.setProperty(METHODS, String.join(",", methods));
        System.setProperty(REFLECTION, String.join(",", reflection));
        System.setProperty(HIERARCHY, String.join(",", hierarchy));
        System.setProperty(RESOURCES, String.join(",", resources));
        context.produce(new FeatureBuildItem("native-registration-test"));
    }

    static List<String> recorded(String key) {
        return new ArrayList<>(List.of(System.getProperty(key, "").split(",")));
    }

    @Test
    void pipelineAndStepTypesAreRegistered() {
        // The output record with what it reaches, the parameter's List<Double>, and the steps' double[]
        assertThat(recorded(HIERARCHY)).contains(ScoringPipeline.Verdict.class.getName(), List.class.getName(),
                double[].class.getName());
        assertThat(recorded(REFLECTION)).contains(ScoringPipeline.Verdict.class.getName(),
                InvocationResponse.class.getName(), InvocationResponse.StepExecution.class.getName(),
                // The envelope's serializers, which Jackson instantiates
                EnvelopeJson.Response.class.getName(), EnvelopeJson.Metadata.class.getName());
        // The runs' JSON: the record, the list and the built-in events' data
        assertThat(recorded(REFLECTION)).contains(
                "io.quarkiverse.pipelinedeployment.runtime.http.RunJson$Record",
                "io.quarkiverse.pipelinedeployment.runtime.http.RunJson$Submitted",
                "io.quarkiverse.pipelinedeployment.runtime.http.RunJson$Listed",
                "io.quarkiverse.pipelinedeployment.runtime.engine.RunEvent$StepEnded");
    }

    @Test
    void customClassesAreRegistered() {
        // Handler, middleware and extension classes; a static middleware method by itself. The JAX-RS endpoint is
        // Quarkus REST's to register (generated invokers, no reflection).
        assertThat(recorded(REFLECTION)).contains(Endpoints.class.getName(), RequestTimingMiddleware.class.getName(),
                ApiKeyExtension.class.getName());
        assertThat(recorded(METHODS)).contains(TimingHeaders.class.getName() + "#timingHeader");
    }

    @Test
    void dashboardAndDocsResourcesAreRegistered() {
        assertThat(recorded(RESOURCES)).contains(
                "io/quarkiverse/pipelinedeployment/dashboard/index.html",
                "io/quarkiverse/pipelinedeployment/ui/swagger-ui.html",
                "io/quarkiverse/pipelinedeployment/ui/redoc.html");
        assertThat(recorded(RESOURCES)).anyMatch(r -> r.startsWith("io/quarkiverse/pipelinedeployment/dashboard/static/"))
                .anyMatch(r -> r.contains("redoc") && r.endsWith(".js"));
    }
}
