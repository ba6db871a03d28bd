package io.quarkiverse.pipelinedeployment.deployment.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

/**
 * The router tries a request's path against every route ordered before the one that takes it, and a route with a
 * path parameter ({@code <runs>/:id}, ...) is a regular expression, matched with a new {@code Matcher}: none of them
 * comes before the invoke route, the hot path, nor before the other built-in endpoints. The runs' records, results,
 * events and cancels are still served (their own tests), and before the application's REST resources.
 */
public class InvokeRouteFirstTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Routes.class));

    @ApplicationScoped
    public static class Routes {
        static volatile Router router;

        void init(@Observes Router router) {
            Routes.router = router;
        }
    }

    @Test
    void noRouteWithAPathParameterIsTriedBeforeTheInvokeRoute() {
        given().contentType("application/json").body("{\"parameters\": {\"features\": [0.1, 0.9]}}")
                .post("/invoke").then().statusCode(200);
        List<Route> routes = Routes.router.getRoutes();
        // The invoke path has two routes: the body-limit check, then the endpoint; the endpoint is the last
        int invoke = -1;
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            if ("/invoke".equals(route.getPath()) && route.methods() != null
                    && route.methods().contains(HttpMethod.POST)) {
                invoke = i;
            }
        }
        assertThat(invoke).as("the invoke route").isNotNegative();
        List<String> before = new ArrayList<>();
        List<String> builtIn = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            if (route.isRegexPath() && i < invoke) {
                before.add(route.getPath());
            }
            if (route.isRegexPath() && route.methods() != null) {
                builtIn.add(route.getPath());
            }
        }
        assertThat(before).as("routes with path parameters before the invoke route").isEmpty();
        assertThat(builtIn).as("the runs' routes are there").contains("/runs/:id", "/runs/:id/result",
                "/runs/:id/events", "/runs/:id/cancel");
    }
}
