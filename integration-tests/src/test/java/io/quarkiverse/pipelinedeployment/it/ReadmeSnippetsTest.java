package io.quarkiverse.pipelinedeployment.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README shows some files whole, to render on GitHub where {@code include::} does not, and the getting-started page
 * shows the codestart's files (outside the docs module): each copy is the tested file, verbatim. The client examples run in
 * {@link ClientExamplesTest}; the codestart's pipeline is built and tested by
 * {@code .ci/create-app.sh}.
 */
public class ReadmeSnippetsTest {

    static final Path ROOT = Path.of("..");

    @ParameterizedTest
    @ValueSource(strings = {
            "docs/modules/ROOT/examples/clients/invoke.py",
            "docs/modules/ROOT/examples/clients/invoke.sh",
            "runtime/src/main/codestarts/quarkus/pipeline-deployment-codestart/java/src/main/java/org/acme/ScoringPipeline.java" })
    void readmeShowsTheFileVerbatim(String file) throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String content = Files.readString(ROOT.resolve(file));
        assertThat(readme).as("README.md shows " + file + " verbatim").contains("\n" + content + "```");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "runtime/src/main/codestarts/quarkus/pipeline-deployment-codestart/java/src/main/java/org/acme/ScoringPipeline.java",
            "runtime/src/main/codestarts/quarkus/pipeline-deployment-codestart/java/src/test/java/org/acme/ScoringPipelineTest.java" })
    void gettingStartedShowsTheCodestartVerbatim(String file) throws IOException {
        String page = Files.readString(ROOT.resolve("docs/modules/ROOT/pages/index.adoc"));
        String content = Files.readString(ROOT.resolve(file));
        assertThat(page).as("index.adoc shows " + file + " verbatim").contains("----\n" + content + "----\n");
    }
}
