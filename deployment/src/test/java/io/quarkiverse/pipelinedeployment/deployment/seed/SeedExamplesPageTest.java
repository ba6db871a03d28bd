package io.quarkiverse.pipelinedeployment.deployment.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The "Coming from DeploymentSettings" page shows the files the seed example tests run: each include resolves, each
 * example's properties are shown, and each test it names exists.
 */
public class SeedExamplesPageTest {

    static final Path DOCS = Path.of("../docs/modules/ROOT");

    @Test
    void everyIncludeAndTestExists() throws IOException {
        String page = Files.readString(DOCS.resolve("pages/deployment-settings.adoc"));
        Matcher includes = Pattern.compile("include::example\\$([^\\[]+)\\[").matcher(page);
        int count = 0;
        while (includes.find()) {
            assertThat(DOCS.resolve("examples").resolve(includes.group(1))).as(includes.group(0)).isRegularFile();
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(14);
        Matcher tests = Pattern.compile("Run by `(Seed\\w+ExampleTest)`").matcher(page);
        while (tests.find()) {
            assertThat(Path.of("src/test/java/io/quarkiverse/pipelinedeployment/deployment/seed",
                    tests.group(1) + ".java")).isRegularFile();
        }
    }

    @Test
    void everyExampleIsShownAndRun() throws IOException {
        String page = Files.readString(DOCS.resolve("pages/deployment-settings.adoc"));
        String tests;
        try (Stream<Path> files = Files.list(Path.of("src/test/java/io/quarkiverse/pipelinedeployment/deployment/seed"))) {
            List<Path> list = files.toList();
            StringBuilder all = new StringBuilder();
            for (Path f : list) {
                all.append(Files.readString(f));
            }
            tests = all.toString();
        }
        try (Stream<Path> examples = Files.list(DOCS.resolve("examples/seed"))) {
            for (Path example : examples.toList()) {
                String file = example.getFileName().toString();
                assertThat(page).contains("include::example$seed/" + file + "[]");
                if (file.endsWith(".yaml")) {
                    assertThat(tests).contains("SeedExamples.yamlApp(jar, \"" + file.replace(".yaml", "") + "\"");
                } else {
                    assertThat(tests).contains("SeedExamples.app(jar, \"" + file.replace(".properties", "") + "\"");
                }
            }
        }
    }
}
