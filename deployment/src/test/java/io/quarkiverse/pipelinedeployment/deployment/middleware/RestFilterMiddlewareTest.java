package io.quarkiverse.pipelinedeployment.deployment.middleware;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * Native Quarkus REST filters as custom middleware: {@code ContainerRequestFilter} classes run in their
 * {@code order} (lower first), a {@code ContainerResponseFilter} and a {@code @ServerResponseFilter} method add their
 * headers, on the REST resources (here a native JAX-RS custom endpoint), inside the built-in middleware.
 */
public class RestFilterMiddlewareTest {

    static final String M = "quarkus.pipeline.custom-middlewares.";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, TrailResource.class, FirstFilter.class,
                    SecondFilter.class, StampFilter.class, AnnotatedFilters.class))
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.trail.path", "/trail")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.trail.handler", TrailResource.class.getName())
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.trail.native", "true")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.trail.auth-required", "false")
            // Declared second-first: the order decides
            .overrideConfigKey(M + "second.class", SecondFilter.class.getName())
            .overrideConfigKey(M + "second.native", "true")
            .overrideConfigKey(M + "second.order", "20")
            .overrideConfigKey(M + "first.class", FirstFilter.class.getName())
            .overrideConfigKey(M + "first.native", "true")
            .overrideConfigKey(M + "first.order", "10")
            .overrideConfigKey(M + "stamp.class", StampFilter.class.getName())
            .overrideConfigKey(M + "stamp.native", "true")
            .overrideConfigKey(M + "annotated.class", AnnotatedFilters.class.getName())
            .overrideConfigKey(M + "annotated.native", "true");

    @Test
    void requestFiltersRunInOrder() {
        Response response = when().get("/trail");
        response.then().statusCode(200).body(equalTo("first,second"));
        assertThat(response.header("X-Stamp")).isEqualTo("rest");
        assertThat(response.header("X-Annotated")).isEqualTo("yes");
        // Inside the built-in middleware: its headers are there too
        assertThat(response.header("Content-Security-Policy")).isNotNull();
    }

    @Test
    void restFiltersLeaveTheVertxRoutesAlone() {
        Response response = when().get("/health");
        response.then().statusCode(200);
        assertThat(response.header("X-Stamp")).isNull();
    }

    public static class TrailResource {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String trail(@HeaderParam("X-Trail") String trail) {
            return trail;
        }
    }

    public static class FirstFilter implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext ctx) {
            append(ctx, "first");
        }
    }

    public static class SecondFilter implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext ctx) {
            append(ctx, "second");
        }
    }

    static void append(ContainerRequestContext ctx, String name) {
        String trail = ctx.getHeaderString("X-Trail");
        ctx.getHeaders().putSingle("X-Trail", trail == null ? name : trail + "," + name);
    }

    public static class StampFilter implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            response.getHeaders().putSingle("X-Stamp", "rest");
        }
    }

    public static class AnnotatedFilters {
        @ServerResponseFilter
        public void annotate(ContainerResponseContext response) {
            response.getHeaders().putSingle("X-Annotated", "yes");
        }
    }
}
