package io.quarkiverse.pipelinedeployment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the {@code info} endpoint reports: the deployment, the build it runs (the snapshot), the pipeline with its
 * schemas, the application metadata and paths, and the execution counters at the time it was taken.
 *
 * @param totalExecutions pipeline runs that started (successful, failed or timed out)
 * @param lastExecutionTime ISO-8601 UTC instant the last run started, or {@code null}
 * @param status {@code healthy} or {@code unhealthy}
 * @param uptime seconds since the deployment started
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "deployment", "snapshot", "pipeline", "app", "total_executions", "last_execution_time", "status",
        "uptime", "quarkus_version" })
public record DeploymentInfo(
        @JsonProperty("deployment") Deployment deployment,
        @JsonProperty("snapshot") Snapshot snapshot,
        @JsonProperty("pipeline") PipelineInfo pipeline,
        @JsonProperty("app") App app,
        @JsonProperty("total_executions") long totalExecutions,
        @JsonProperty("last_execution_time") String lastExecutionTime,
        @JsonProperty("status") String status,
        @JsonProperty("uptime") double uptime,
        @JsonProperty("quarkus_version") String quarkusVersion) {

    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";

    /**
     * A copy with the given counters and status.
     */
    public DeploymentInfo withState(long totalExecutions, String lastExecutionTime, boolean healthy, double uptime) {
        return new DeploymentInfo(deployment, snapshot, pipeline, app, totalExecutions, lastExecutionTime,
                healthy ? HEALTHY : UNHEALTHY, uptime, quarkusVersion);
    }

    /**
     * The running deployment.
     *
     * @param id new at each start of the process
     * @param name {@code quarkus.pipeline.deployment-name}
     * @param authEnabled whether API keys protect endpoints
     */
    @JsonPropertyOrder({ "id", "name", "auth_enabled" })
    public record Deployment(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("auth_enabled") boolean authEnabled) {
    }

    /**
     * The build the deployment runs.
     *
     * @param id stable across restarts of the same build
     */
    @JsonPropertyOrder({ "id", "name" })
    public record Snapshot(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name) {
    }

    /**
     * The deployed pipeline.
     *
     * @param parameters the default values of the parameters that have one
     * @param inputSchema JSON Schema of the {@code parameters} object
     * @param outputSchema JSON Schema of the {@code outputs} object
     * @param steps the pipeline's {@code @Step} names, sorted
     */
    @JsonPropertyOrder({ "name", "parameters", "input_schema", "output_schema", "steps" })
    public record PipelineInfo(
            @JsonProperty("name") String name,
            @JsonProperty("parameters") JsonNode parameters,
            @JsonProperty("input_schema") JsonNode inputSchema,
            @JsonProperty("output_schema") JsonNode outputSchema,
            @JsonProperty("steps") List<String> steps) {
    }

    /**
     * The application metadata and the full composed paths of the enabled endpoints ({@code null}, and left out of
     * the JSON, for excluded ones).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "title", "description", "version", "app_runner_flavor", "docs_url_path", "redoc_url_path",
            "invoke_url_path", "runs_url_path", "health_url_path", "info_url_path", "metrics_url_path" })
    public record App(
            @JsonProperty("title") String title,
            @JsonProperty("description") String description,
            @JsonProperty("version") String version,
            @JsonProperty("app_runner_flavor") String appRunnerFlavor,
            @JsonProperty("docs_url_path") String docsUrlPath,
            @JsonProperty("redoc_url_path") String redocUrlPath,
            @JsonProperty("invoke_url_path") String invokeUrlPath,
            @JsonProperty("runs_url_path") String runsUrlPath,
            @JsonProperty("health_url_path") String healthUrlPath,
            @JsonProperty("info_url_path") String infoUrlPath,
            @JsonProperty("metrics_url_path") String metricsUrlPath) {

        /** The metadata without the runs endpoint, as before it existed. */
        public App(String title, String description, String version, String appRunnerFlavor, String docsUrlPath,
                String redocUrlPath, String invokeUrlPath, String healthUrlPath, String infoUrlPath,
                String metricsUrlPath) {
            this(title, description, version, appRunnerFlavor, docsUrlPath, redocUrlPath, invokeUrlPath, null,
                    healthUrlPath, infoUrlPath, metricsUrlPath);
        }
    }
}
