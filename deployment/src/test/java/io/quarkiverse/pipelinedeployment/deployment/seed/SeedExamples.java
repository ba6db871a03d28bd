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
        File properties = new File("../docs/modules/ROOT/examples/seed/" + example + ".properties");
        if (!properties.isFile()) {
            throw new IllegalStateException("No docs example " + properties.getAbsolutePath());
        }
        return jar.addClasses(ScoringPipeline.class).addClasses(classes)
                .addAsResource(properties, "application.properties");
    }
}
