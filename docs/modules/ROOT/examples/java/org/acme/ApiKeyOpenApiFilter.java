package org.acme;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The ZenML guide's {@code custom_openapi()}: declares the API-key scheme in the OpenAPI document, at build time.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiKeyOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme("ApiKeyAuth", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("x-api-key"));
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("ApiKeyAuth"));
    }
}
