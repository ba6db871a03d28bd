package io.quarkiverse.pipelinedeployment.deployment.security;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.function.Consumer;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Quarkus Security's HTTP permissions apply to custom endpoints of every form: a policy {@code authenticated} on
 * {@code /secure/*} (basic authentication, embedded users) guards a direct method, a native Vert.x handler and a
 * {@code Consumer<Router>} mount declared with {@code auth-required=false} (no API keys involved). They once answered
 * 200 without credentials: their routes matched before Quarkus' permission check.
 */
public class CustomEndpointsUnderQuarkusSecurityTest {

    static final String P = "quarkus.pipeline.custom-endpoints.";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Hello.class, RawHandler.class,
                    MountedRoutes.class, RawHttp.class).addAsResource(
                            new StringAsset("""
                                    quarkus.http.auth.basic=true
                                    quarkus.security.users.embedded.enabled=true
                                    quarkus.security.users.embedded.plain-text=true
                                    quarkus.security.users.embedded.users.alice=secret
                                    quarkus.http.auth.permission.secure.paths=/secure/*
                                    quarkus.http.auth.permission.secure.policy=authenticated
                                    quarkus.pipeline.custom-endpoints.hello.path=/secure/hello
                                    quarkus.pipeline.custom-endpoints.hello.handler=%s#hello
                                    quarkus.pipeline.custom-endpoints.hello.auth-required=false
                                    quarkus.pipeline.custom-endpoints.raw.path=/secure/raw
                                    quarkus.pipeline.custom-endpoints.raw.handler=%s
                                    quarkus.pipeline.custom-endpoints.raw.native=true
                                    quarkus.pipeline.custom-endpoints.raw.auth-required=false
                                    quarkus.pipeline.custom-endpoints.mount.path=/secure/mount
                                    quarkus.pipeline.custom-endpoints.mount.handler=%s
                                    quarkus.pipeline.custom-endpoints.mount.native=true
                                    quarkus.pipeline.custom-endpoints.mount.auth-required=false
                                    """.formatted(Hello.class.getName(), RawHandler.class.getName(),
                                    MountedRoutes.class.getName())),
                            "application.properties"))
            .setForcedDependencies(List.of(
                    Dependency.of("io.quarkus", "quarkus-elytron-security-properties-file", Version.getVersion())));

    @Test
    void directMethodNeedsCredentials() {
        when().get("/secure/hello").then().statusCode(401);
        given().auth().preemptive().basic("alice", "wrong").get("/secure/hello").then().statusCode(401);
        given().auth().preemptive().basic("alice", "secret").get("/secure/hello").then().statusCode(200)
                .body(equalTo("\"hello\""));
    }

    @Test
    void nativeHandlerNeedsCredentials() {
        when().get("/secure/raw").then().statusCode(401);
        given().auth().preemptive().basic("alice", "secret").get("/secure/raw").then().statusCode(200)
                .body(equalTo("raw"));
    }

    @Test
    void routerMountNeedsCredentials() {
        when().get("/secure/mount/x").then().statusCode(401);
        given().auth().preemptive().basic("alice", "secret").get("/secure/mount/x").then().statusCode(200)
                .body(equalTo("mounted"));
    }

    @Test
    void pathTricksDoNotSkipThePolicy() {
        for (String target : List.of("/secure/hello/", "//secure/hello", "/secure//hello", "/secure/./hello",
                "/x/../secure/hello", "/secure/hello;a=b", "/secure;a=b/hello", "/%73ecure/hello", "/secure/raw/",
                "//secure/raw", "/secure/mount//x", "/secure/mount/./x", "//secure/mount/x", "/secure;x=1/mount/x")) {
            RawHttp.Answer answer = RawHttp.send("GET", target);
            org.assertj.core.api.Assertions.assertThat(answer.status()).as("GET " + target + " -> " + answer)
                    .isNotEqualTo(200).isLessThan(500);
        }
    }

    public static class Hello {
        public static String hello() {
            return "hello";
        }
    }

    public static class RawHandler implements Handler<RoutingContext> {
        @Override
        public void handle(RoutingContext ctx) {
            ctx.response().end("raw");
        }
    }

    public static class MountedRoutes implements Consumer<Router> {
        @Override
        public void accept(Router router) {
            router.get("/x").handler(ctx -> ctx.response().end("mounted"));
        }
    }
}
