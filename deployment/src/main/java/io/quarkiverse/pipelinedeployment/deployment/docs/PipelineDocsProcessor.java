package io.quarkiverse.pipelinedeployment.deployment.docs;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.quarkiverse.pipelinedeployment.deployment.custom.CustomEndpointBuildItem;
import io.quarkiverse.pipelinedeployment.deployment.engine.PipelineBuildItem;
import io.quarkiverse.pipelinedeployment.deployment.http.BuiltinEndpoint;
import io.quarkiverse.pipelinedeployment.deployment.http.EndpointRoutes;
import io.quarkiverse.pipelinedeployment.deployment.http.PipelineEndpointsBuildItem;
import io.quarkiverse.pipelinedeployment.deployment.http.ServedEndpointBuildItem;
import io.quarkiverse.pipelinedeployment.runtime.EndpointsRecorder;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ApplicationInfoBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.smallrye.openapi.deployment.spi.AddToOpenAPIDefinitionBuildItem;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.quarkus.vertx.http.deployment.RouteBuildItem;

/**
 * API documentation: the pipeline's operations in the SmallRye OpenAPI document, the document at
 * {@code <root>/openapi.json}, Swagger UI at {@code <root><docs>} and ReDoc at {@code <root><redoc>}. Their assets
 * are copied from the UI jars into the application at build time, outside {@code META-INF/resources}, so nothing
 * is served outside the deployment's paths and nothing is loaded from another host.
 */
class PipelineDocsProcessor {

    static final String TEMPLATES = "io/quarkiverse/pipelinedeployment/ui/";
    static final String BUNDLED = "io/quarkiverse/pipelinedeployment/bundled/";
    private static final String SWAGGER_UI_JAR = "META-INF/resources/openapi-ui/";
    private static final String REDOC_JAR = "META-INF/resources/webjars/redoc/2.1.4/bundles/";
    static final String REDOC_CDN_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg";
    static final String INLINE_EMPTY_IMAGE = "data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27/%3E";

    /**
     * Only while {@code <root>/openapi.json} is served: with docs and redoc excluded, SmallRye OpenAPI's own
     * document ({@code /q/openapi}) must not show the pipeline either.
     */
    @BuildStep(onlyIf = OpenApiDocumentEnabled.class)
    AddToOpenAPIDefinitionBuildItem addPipelineOperations(
            PipelineBuildItem pipeline,
            List<ServedEndpointBuildItem> servedEndpoints,
            List<CustomEndpointBuildItem> customEndpoints,
            PipelineEndpointsBuildItem endpoints,
            HttpRootPathBuildItem httpRootPath,
            ApplicationInfoBuildItem application) {
        Map<BuiltinEndpoint, String> paths = new EnumMap<>(BuiltinEndpoint.class);
        for (ServedEndpointBuildItem served : servedEndpoints) {
            paths.put(served.endpoint(), httpRootPath.relativePath(served.path()));
        }
        java.util.Set<BuiltinEndpoint> protectedEndpoints = java.util.EnumSet.noneOf(BuiltinEndpoint.class);
        for (BuiltinEndpoint endpoint : BuiltinEndpoint.values()) {
            if (endpoints.isProtected(endpoint)) {
                protectedEndpoints.add(endpoint);
            }
        }
        List<PipelineOpenApiFilter.CustomOperation> custom = new java.util.ArrayList<>();
        for (CustomEndpointBuildItem e : customEndpoints) {
            if (e.method() == null) {
                continue; // a Consumer<Router>: its routes are known only at run time
            }
            custom.add(new PipelineOpenApiFilter.CustomOperation(e.method().name(), e.fullPath(httpRootPath),
                    e.pathParameters(), e.method().hasBody(), e.authRequired(), e.source()));
        }
        String name = pipeline.definition().getName();
        return new AddToOpenAPIDefinitionBuildItem(new PipelineOpenApiFilter(name,
                pipeline.definition().getInputSchema(), pipeline.definition().getOutputSchema(), paths,
                protectedEndpoints, custom, name + " deployment", "Serves the " + name + " pipeline over HTTP.",
                application.getVersion()));
    }

    @BuildStep(onlyIf = OpenApiDocumentEnabled.class)
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    RouteBuildItem registerOpenApiDocumentRoute(
            EndpointsRecorder recorder,
            PipelineEndpointsBuildItem endpoints,
            HttpRootPathBuildItem httpRootPath) {
        return httpRootPath.routeBuilder()
                .routeFunction(httpRootPath.relativePath(endpoints.rootPath() + EndpointRoutes.OPENAPI_JSON),
                        recorder.route(EndpointRoutes.READ_METHODS, null))
                .handler(openApiProtected(endpoints) ? recorder.protect(recorder.openApiHandler())
                        : recorder.openApiHandler())
                .displayOnNotFoundPage("Pipeline OpenAPI document")
                .build();
    }

    // Swagger UI

    @BuildStep(onlyIf = DocsEndpointEnabled.class)
    ServedEndpointBuildItem declareDocsEndpoint(PipelineEndpointsBuildItem endpoints) {
        return EndpointRoutes.served(endpoints, BuiltinEndpoint.DOCS, EndpointRoutes.READ_METHODS);
    }

    @BuildStep(onlyIf = DocsEndpointEnabled.class)
    void bundleSwaggerUi(
            BuildProducer<GeneratedResourceBuildItem> generated,
            BuildProducer<NativeImageResourceBuildItem> nativeResources) {
        for (String file : List.of("swagger-ui.css", "swagger-ui-bundle.js")) {
            bundle(SWAGGER_UI_JAR + file, BUNDLED + "swagger-ui/" + file, generated, nativeResources,
                    UnaryOperator.identity());
        }
        nativeResources.produce(new NativeImageResourceBuildItem(TEMPLATES + "swagger-ui.html",
                TEMPLATES + "swagger-init.js"));
    }

    @BuildStep(onlyIf = DocsEndpointEnabled.class)
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void registerDocsRoutes(
            EndpointsRecorder recorder,
            PipelineEndpointsBuildItem endpoints,
            HttpRootPathBuildItem httpRootPath,
            BuildProducer<RouteBuildItem> routes) {
        Map<String, String> assets = new LinkedHashMap<>();
        assets.put("swagger-ui.css", BUNDLED + "swagger-ui/swagger-ui.css");
        assets.put("swagger-ui-bundle.js", BUNDLED + "swagger-ui/swagger-ui-bundle.js");
        assets.put("swagger-init.js", TEMPLATES + "swagger-init.js");
        pageRoutes(recorder, endpoints, httpRootPath, BuiltinEndpoint.DOCS, TEMPLATES + "swagger-ui.html", assets,
                "Pipeline API documentation (Swagger UI)", routes);
    }

    // ReDoc

    @BuildStep(onlyIf = RedocEndpointEnabled.class)
    ServedEndpointBuildItem declareRedocEndpoint(PipelineEndpointsBuildItem endpoints) {
        return EndpointRoutes.served(endpoints, BuiltinEndpoint.REDOC,
                EndpointRoutes.READ_METHODS);
    }

    @BuildStep(onlyIf = RedocEndpointEnabled.class)
    void bundleRedoc(
            BuildProducer<GeneratedResourceBuildItem> generated,
            BuildProducer<NativeImageResourceBuildItem> nativeResources) {
        // ReDoc's sidebar shows a logo from its CDN: replace it with an inline image, so nothing comes from another host
        bundle(REDOC_JAR + "redoc.standalone.js", BUNDLED + "redoc/redoc.standalone.js", generated, nativeResources,
                js -> js.replace(REDOC_CDN_LOGO, INLINE_EMPTY_IMAGE));
        nativeResources.produce(new NativeImageResourceBuildItem(TEMPLATES + "redoc.html"));
    }

    @BuildStep(onlyIf = RedocEndpointEnabled.class)
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void registerRedocRoutes(
            EndpointsRecorder recorder,
            PipelineEndpointsBuildItem endpoints,
            HttpRootPathBuildItem httpRootPath,
            BuildProducer<RouteBuildItem> routes) {
        pageRoutes(recorder, endpoints, httpRootPath, BuiltinEndpoint.REDOC, TEMPLATES + "redoc.html",
                Map.of("redoc.standalone.js", BUNDLED + "redoc/redoc.standalone.js"), "Pipeline API reference (ReDoc)",
                routes);
    }

    private static void pageRoutes(EndpointsRecorder recorder, PipelineEndpointsBuildItem endpoints,
            HttpRootPathBuildItem httpRootPath, BuiltinEndpoint endpoint, String template, Map<String, String> assets,
            String title, BuildProducer<RouteBuildItem> routes) {
        String mount = httpRootPath.relativePath(endpoints.path(endpoint).orElseThrow());
        String openApi = httpRootPath.relativePath(endpoints.rootPath() + EndpointRoutes.OPENAPI_JSON);
        var handler = recorder.pageHandler(mount, template, openApi, assets);
        routes.produce(EndpointRoutes.endpointRoute(recorder, endpoints,
                endpoints.path(endpoint).orElseThrow(), httpRootPath, endpoint, EndpointRoutes.READ_METHODS,
                handler, title));
        routes.produce(httpRootPath.routeBuilder()
                .routeFunction(mount + "/*", recorder.route(EndpointRoutes.READ_METHODS, null))
                .handler(endpoints.isProtected(endpoint) ? recorder.protect(handler) : handler)
                .build());
    }

    /** The document is protected when every served page that reads it is. */
    static boolean openApiProtected(PipelineEndpointsBuildItem endpoints) {
        boolean docs = !endpoints.isEnabled(BuiltinEndpoint.DOCS) || endpoints.isProtected(BuiltinEndpoint.DOCS);
        boolean redoc = !endpoints.isEnabled(BuiltinEndpoint.REDOC) || endpoints.isProtected(BuiltinEndpoint.REDOC);
        return docs && redoc;
    }

    /** Copies a resource of the deployment classpath into the application. */
    static void bundle(String from, String to, BuildProducer<GeneratedResourceBuildItem> generated,
            BuildProducer<NativeImageResourceBuildItem> nativeResources, UnaryOperator<String> patch) {
        try (InputStream in = PipelineDocsProcessor.class.getClassLoader().getResourceAsStream(from)) {
            if (in == null) {
                throw new IllegalStateException("Missing UI asset " + from + " on the build classpath");
            }
            byte[] content = in.readAllBytes();
            String text = new String(content, StandardCharsets.UTF_8);
            String patched = patch.apply(text);
            generated.produce(new GeneratedResourceBuildItem(to,
                    patched.equals(text) ? content : patched.getBytes(StandardCharsets.UTF_8)));
            nativeResources.produce(new NativeImageResourceBuildItem(to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
