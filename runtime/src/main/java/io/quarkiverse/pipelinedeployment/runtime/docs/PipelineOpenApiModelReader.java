package io.quarkiverse.pipelinedeployment.runtime.docs;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Gives SmallRye OpenAPI a base model at build time. An application whose only HTTP API is the pipeline has no
 * JAX-RS resources and no static document, and SmallRye OpenAPI applies build-time filters (ours adds the
 * pipeline's operations) only to an existing model. Set by default through {@code mp.openapi.model.reader} in this
 * jar's {@code META-INF/microprofile-config.properties}; an application's own reader replaces it.
 */
public class PipelineOpenApiModelReader implements OASModelReader {

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths());
    }
}
