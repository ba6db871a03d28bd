package io.quarkiverse.pipelinedeployment.deployment.http;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;
import io.quarkiverse.pipelinedeployment.runtime.EndpointsRecorder;
import io.quarkiverse.pipelinedeployment.runtime.http.Pages;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.quarkus.vertx.http.deployment.RouteBuildItem;

/**
 * The dashboard at {@code <root>/}: the bundled UI, or the files of {@code quarkus.pipeline.dashboard-files-path}
 * copied into the application at build time.
 */
@BuildSteps(onlyIf = DashboardEndpointEnabled.class)
class PipelineDashboardProcessor {

    private static final Logger LOG = Logger.getLogger(PipelineDashboardProcessor.class);

    static final String FILES_KEY = "quarkus.pipeline.dashboard-files-path";
    static final String USER_FILES = "io/quarkiverse/pipelinedeployment/user-dashboard/";

    @BuildStep
    ServedEndpointBuildItem declareDashboard(PipelineEndpointsBuildItem endpoints) {
        return EndpointRoutes.served(endpoints, BuiltinEndpoint.DASHBOARD,
                EndpointRoutes.READ_METHODS);
    }

    @BuildStep
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    DashboardBuildItem registerDashboardRoute(
            EndpointsRecorder recorder,
            PipelineBuildTimeConfig config,
            PipelineEndpointsBuildItem endpoints,
            HttpRootPathBuildItem httpRootPath,
            OutputTargetBuildItem outputTarget,
            BuildProducer<GeneratedResourceBuildItem> generated,
            BuildProducer<NativeImageResourceBuildItem> nativeResources,
            BuildProducer<RouteBuildItem> routes) {
        Map<String, String> files = new LinkedHashMap<>();
        boolean bundled = config.dashboardFilesPath().isEmpty();
        if (bundled) {
            for (String file : List.of("static/dashboard.js", "static/dashboard.css")) {
                files.put(file, Pages.DASHBOARD + file);
            }
            nativeResources.produce(new NativeImageResourceBuildItem(Pages.DASHBOARD + "index.html",
                    Pages.DASHBOARD + "static/dashboard.js", Pages.DASHBOARD + "static/dashboard.css"));
        } else {
            Path root = outputTarget.getOutputDirectory().getParent();
            for (Map.Entry<String, byte[]> e : userFiles(root, config.dashboardFilesPath().get()).entrySet()) {
                String resource = USER_FILES + e.getKey();
                generated.produce(new GeneratedResourceBuildItem(resource, e.getValue()));
                nativeResources.produce(new NativeImageResourceBuildItem(resource));
                files.put(e.getKey(), resource);
            }
        }
        String mount = httpRootPath.relativePath(endpoints.rootPath());
        String openApi = httpRootPath.relativePath(endpoints.rootPath() + EndpointRoutes.OPENAPI_JSON);
        // Protected, the user's files need the key; an unknown path still gets the 404 (the handler passes it on)
        var handler = recorder.dashboardHandler(mount.equals("/") ? "" : mount, openApi, files, bundled,
                endpoints.isProtected(BuiltinEndpoint.DASHBOARD));
        routes.produce(httpRootPath.routeBuilder()
                .routeFunction(httpRootPath.relativePath(endpoints.rootPath() + "/*"),
                        recorder.route(EndpointRoutes.READ_METHODS, RouteOrder.DASHBOARD))
                .handler(handler)
                .displayOnNotFoundPage("Pipeline dashboard")
                .build());
        return new DashboardBuildItem(handler);
    }

    /**
     * The regular files of the dashboard folder, by relative path ({@code /}-separated). Links that lead outside
     * the folder are skipped.
     *
     * @throws ConfigurationException when the folder or its index.html is missing
     */
    static Map<String, byte[]> userFiles(Path projectRoot, String configured) {
        Path folder = projectRoot.resolve(configured).normalize();
        if (!Files.isDirectory(folder)) {
            throw new ConfigurationException(FILES_KEY + "=" + configured + ": " + folder + " is not a directory",
                    Set.of(FILES_KEY));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            Path realFolder = folder.toRealPath();
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : (Iterable<Path>) walk.sorted()::iterator) {
                    if (!Files.isRegularFile(file)) {
                        continue;
                    }
                    if (!file.toRealPath().startsWith(realFolder)) {
                        LOG.warnf("%s: skipping %s, a link that leads outside %s", FILES_KEY, file, folder);
                        continue;
                    }
                    String relative = folder.relativize(file).toString().replace('\\', '/');
                    files.put(relative, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + FILES_KEY + " " + folder, e);
        }
        if (!files.containsKey("index.html")) {
            throw new ConfigurationException(FILES_KEY + "=" + configured + ": " + folder + " has no index.html",
                    Set.of(FILES_KEY));
        }
        return files;
    }
}
