package io.quarkiverse.pipelinedeployment.deployment.seed;

import java.io.File;

import org.jboss.shrinkwrap.api.spec.JavaArchive;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;

/**
 * The seed document's examples as the docs show them: each test runs an application whose
 * {@code application.properties} is the docs' {@code examples/seed/<name>.properties}, with the docs' Java examples
 * ({@code examples/java}, compiled into the tests).
 */
final class SeedExamples {

    private SeedExamples() {
    }

    /** An application with the scoring pipeline, the given classes, and the example's properties. */
    static JavaArchive app(JavaArchive jar, String example, Class<?>... classes) {
        return jar.addClasses(ScoringPipeline.class).addClasses(classes)
                .addAsResource(example(example + ".properties"), "application.properties");
    }

    /** An application with the scoring pipeline configured by the example's {@code application.yaml}. */
    static JavaArchive yamlApp(JavaArchive jar, String example) {
        return jar.addClasses(ScoringPipeline.class)
                .addAsResource(example(example + ".yaml"), "application.yaml");
    }

    private static File example(String name) {
        File file = new File("../docs/modules/ROOT/examples/seed/" + name);
        if (!file.isFile()) {
            throw new IllegalStateException("No docs example " + file.getAbsolutePath());
        }
        return file;
    }
}
