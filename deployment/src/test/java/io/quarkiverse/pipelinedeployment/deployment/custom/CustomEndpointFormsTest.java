package io.quarkiverse.pipelinedeployment.deployment.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.jboss.jandex.Index;
import org.jboss.jandex.IndexView;
import org.junit.jupiter.api.Test;

import io.quarkiverse.pipelinedeployment.EndpointMethod;
import io.quarkiverse.pipelinedeployment.runtime.custom.EndpointForm;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The forms of custom endpoints, decided from the index; the cases a Quarkus application of these tests cannot show
 * (no Quarkus REST in the application).
 */
public class CustomEndpointFormsTest {

    static final String P = "quarkus.pipeline.custom-endpoints.\"x\"";

    @Test
    void nativeForms() throws IOException {
        IndexView index = Index.of(Resource.class, RawHandler.class, Routes.class, Object.class);
        assertThat(CustomEndpointForms.classify(P, Resource.class.getName(), true, Map.of(), index, true))
                .isEqualTo(EndpointForm.NATIVE_RESOURCE);
        assertThat(CustomEndpointForms.classify(P, RawHandler.class.getName(), true, Map.of(), index, true))
                .isEqualTo(EndpointForm.NATIVE_HANDLER);
        assertThat(CustomEndpointForms.classify(P, Routes.class.getName(), true, Map.of(), index, true))
                .isEqualTo(EndpointForm.NATIVE_ROUTER);
    }

    @Test
    void aResourceWithoutQuarkusRestFailsNamingTheProperty() throws IOException {
        IndexView index = Index.of(Resource.class);
        assertThatThrownBy(() -> CustomEndpointForms.classify(P, Resource.class.getName(), true, Map.of(), index,
                false)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(P + ".handler=")
                .hasMessageContaining("add the quarkus-rest extension");
    }

    @Test
    void nativeEndpointsTakeNoInitArgs() throws IOException {
        IndexView index = Index.of(RawHandler.class);
        assertThatThrownBy(() -> CustomEndpointForms.classify(P, RawHandler.class.getName(), true,
                Map.of("colour", "red"), index, true)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(P + ".init-args.\"colour\" names no parameter");
    }

    @Test
    void resourceOperationsReduceRegexParameters() throws IOException {
        IndexView index = Index.of(Items.class);
        assertThat(CustomEndpointForms.resourceOperations(index.getClassByName(Items.class.getName()), index))
                .containsExactlyInAnyOrder(
                        new CustomEndpointForms.ResourceOperation(EndpointMethod.GET, "/{id}"),
                        new CustomEndpointForms.ResourceOperation(EndpointMethod.POST, ""));
    }

    @Test
    void templatesLoseTheirRegexesWhateverTheirBraces() {
        assertThat(CustomEndpointForms.templateWithoutRegex("/codes/{code: [0-9]{3}}")).isEqualTo("/codes/{code}");
        assertThat(CustomEndpointForms.templateWithoutRegex("/{id}/files/{ name : .+ }")).isEqualTo("/{id}/files/{name}");
        assertThat(CustomEndpointForms.templateWithoutRegex("/a{x:[a-z]{1,2}}b/{y}")).isEqualTo("/a{x}b/{y}");
        assertThatThrownBy(() -> CustomEndpointForms.templateWithoutRegex("/{x: [0-9]{3}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    public static class Resource {
        @GET
        public String get() {
            return "r";
        }
    }

    public static class Items {
        @GET
        @Path("{id: [0-9]+}/")
        public String get(@PathParam("id") String id) {
            return id;
        }

        @POST
        public String create() {
            return "created";
        }
    }

    public static class RawHandler implements Handler<RoutingContext> {
        @Override
        public void handle(RoutingContext ctx) {
            ctx.end();
        }
    }

    public static class Routes implements Consumer<Router> {
        @Override
        public void accept(Router router) {
        }
    }
}
