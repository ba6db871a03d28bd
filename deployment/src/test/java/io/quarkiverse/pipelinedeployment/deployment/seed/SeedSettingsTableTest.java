package io.quarkiverse.pipelinedeployment.deployment.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The "Every setting and its property" table of the DeploymentSettings page: a row for each setting of the seed's
 * {@code DeploymentSettings} (SPEC §5), and only properties that exist in the generated configuration reference.
 */
public class SeedSettingsTableTest {

    /** The seed's settings, as SPEC §5 lists them. */
    static final List<String> SEED_SETTINGS = List.of("app_title", "app_description", "app_version", "root_url_path",
            "api_url_path", "docs_url_path", "redoc_url_path", "invoke_url_path", "health_url_path", "info_url_path",
            "metrics_url_path", "include_default_endpoints", "include_default_middleware", "dashboard_files_path",
            "cors", "secure_headers", "startup_hook", "startup_hook_kwargs", "shutdown_hook", "shutdown_hook_kwargs",
            "custom_endpoints", "custom_middlewares", "app_extensions", "deployment_app_runner_flavor",
            "deployment_app_runner_kwargs", "deployment_service_class", "deployment_service_kwargs",
            "thread_pool_size", "uvicorn_host", "uvicorn_port", "uvicorn_workers", "uvicorn_kwargs", "log_level");

    static String table() throws IOException {
        String page = Files.readString(SeedExamplesPageTest.DOCS.resolve("pages/deployment-settings.adoc"));
        int start = page.indexOf("[[settings-map]]");
        assertThat(start).as("the settings table").isNotNegative();
        int open = page.indexOf("|===", start);
        return page.substring(open, page.indexOf("|===", open + 4));
    }

    @Test
    void everySeedSettingHasARow() throws IOException {
        String table = table();
        for (String setting : SEED_SETTINGS) {
            assertThat(table).as(setting).contains("| `" + setting + "` |");
        }
    }

    @Test
    void everyPropertyExists() throws IOException {
        String reference = Files.readString(reference());
        // Backticked names: a full property, or ".key" continuing the one before it (".hsts" after "...server")
        Matcher names = Pattern.compile("`(quarkus\\.pipeline\\.[^`]+|\\.[^`]+)`").matcher(table());
        String parent = null;
        int count = 0;
        while (names.find()) {
            String name = names.group(1);
            String property;
            if (name.startsWith(".")) {
                assertThat(parent).as("a property before " + name).isNotNull();
                property = parent + name;
            } else {
                property = name.contains(" ") ? name.substring(0, name.indexOf(' ')) : name;
                parent = property.substring(0, property.lastIndexOf('.'));
            }
            // A map key in the table ("<id>", "<name>") matches whichever key name the reference uses
            String pattern = Pattern.quote(property + "+++").replaceAll("\"<[a-z-]+>\"", "\"\\\\E[a-z-]+\\\\Q\"");
            assertThat(Pattern.compile(pattern).matcher(reference).find()).as(property).isTrue();
            count++;
        }
        assertThat(count).isGreaterThan(50);
    }

    static Path reference() {
        return SeedExamplesPageTest.DOCS.resolve("pages/includes/quarkus-pipeline-deployment.adoc");
    }
}
