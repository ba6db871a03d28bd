package io.quarkiverse.pipelinedeployment.deployment.devui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.pipelinedeployment.deployment.engine.PipelineBuildItem;
import io.quarkiverse.pipelinedeployment.deployment.http.BuiltinEndpoint;
import io.quarkiverse.pipelinedeployment.deployment.http.EndpointRoutes;
import io.quarkiverse.pipelinedeployment.deployment.http.PipelineEndpointsBuildItem;
import io.quarkiverse.pipelinedeployment.deployment.http.ServedEndpointBuildItem;
import io.quarkiverse.pipelinedeployment.runtime.devui.PipelineJsonRpcService;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.ExternalPageBuilder;
import io.quarkus.devui.spi.page.Page;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;

/**
 * The Dev UI card: a page that shows the pipeline's schema and invokes it, a page of the recent invocations with
 * their step timings, and a link to each endpoint this build serves.
 */
class PipelineDevUIProcessor {

    @BuildStep(onlyIf = IsDevelopment.class)
    CardPageBuildItem createCard(
            PipelineBuildItem pipeline,
            PipelineEndpointsBuildItem endpoints,
            List<ServedEndpointBuildItem> served,
            HttpRootPathBuildItem httpRootPath) {
        CardPageBuildItem card = new CardPageBuildItem();

        // The pipeline itself: schema and invocation, then the recent invocations
        card.addPage(Page.webComponentPageBuilder()
                .title("Pipeline")
                .icon("font-awesome-solid:diagram-project")
                .componentLink("qwc-pipeline-deployment-pipeline.js")
                .staticLabel(pipeline.definition().getName()));
        card.addPage(Page.webComponentPageBuilder()
                .title("Recent invocations")
                .icon("font-awesome-solid:clock-rotate-left")
                .componentLink("qwc-pipeline-deployment-invocations.js"));
        card.addPage(Page.webComponentPageBuilder()
                .title("Runs")
                .icon("font-awesome-solid:list-check")
                .componentLink("qwc-pipeline-deployment-runs.js"));

        // A link per enabled endpoint, at its full path
        List<Map<String, Object>> links = new ArrayList<>();
        List<ServedEndpointBuildItem> sorted = new ArrayList<>(served);
        sorted.sort(Comparator.comparing(ServedEndpointBuildItem::endpoint));
        for (ServedEndpointBuildItem endpoint : sorted) {
            String url = httpRootPath.relativePath(endpoint.path());
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("name", endpoint.endpoint().configName);
            link.put("path", url);
            link.put("methods", endpoint.methods());
            links.add(link);
            if (endpoint.endpoint() == BuiltinEndpoint.INVOKE || endpoint.endpoint() == BuiltinEndpoint.RUNS) {
                continue; // the Pipeline and Runs pages use them
            }
            card.addPage(linkTo(endpoint.endpoint(), url));
        }
        if (endpoints.isEnabled(BuiltinEndpoint.DOCS) || endpoints.isEnabled(BuiltinEndpoint.REDOC)) {
            String openApi = httpRootPath.relativePath(endpoints.rootPath() + EndpointRoutes.OPENAPI_JSON);
            links.add(Map.of("name", "openapi", "path", openApi, "methods", List.of("GET")));
            card.addPage(Page.externalPageBuilder("OpenAPI document")
                    .icon("font-awesome-solid:file-code")
                    .url(openApi, openApi)
                    .isJsonContent());
        }
        card.addBuildTimeData("endpoints", links);
        card.addBuildTimeData("pipelineName", pipeline.definition().getName());
        return card;
    }

    private static ExternalPageBuilder linkTo(BuiltinEndpoint endpoint, String url) {
        ExternalPageBuilder page = switch (endpoint) {
            case HEALTH -> Page.externalPageBuilder("Health").icon("font-awesome-solid:heart-pulse").isJsonContent();
            case INFO -> Page.externalPageBuilder("Info").icon("font-awesome-solid:circle-info").isJsonContent();
            case METRICS -> Page.externalPageBuilder("Metrics").icon("font-awesome-solid:chart-line")
                    .mimeType("text/plain");
            // HTML pages open in a tab of their own
            case DOCS -> Page.externalPageBuilder("Swagger UI").icon("font-awesome-solid:book").doNotEmbed();
            case REDOC -> Page.externalPageBuilder("ReDoc").icon("font-awesome-solid:book-open").doNotEmbed();
            case DASHBOARD -> Page.externalPageBuilder("Dashboard").icon("font-awesome-solid:gauge").doNotEmbed();
            case INVOKE, RUNS -> throw new IllegalArgumentException(endpoint.configName + " has no link page");
        };
        return page.url(url, url);
    }

    @BuildStep
    JsonRPCProvidersBuildItem registerJsonRpcService() {
        return new JsonRPCProvidersBuildItem(PipelineJsonRpcService.class);
    }
}
