package io.quarkiverse.pipelinedeployment.deployment.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Quarkus Security instead of API keys: HTTP permissions on the composed paths protect invoke and info, a role
 * policy protects metrics, and the probes stay open (the security guide's example, with basic authentication from
 * the embedded users realm). Quarkus' own 401 and 403 answers come through the deployment's routes.
 */
public class QuarkusSecurityPermissionsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class).addAsResource(new StringAsset("""
                    quarkus.pipeline.root-path=/pipeline
                    quarkus.pipeline.api-path=/api
                    quarkus.http.auth.basic=true
                    quarkus.security.users.embedded.enabled=true
                    quarkus.security.users.embedded.plain-text=true
                    quarkus.security.users.embedded.users.alice=secret
                    quarkus.security.users.embedded.users.bob=secret
                    quarkus.security.users.embedded.roles.bob=admin
                    quarkus.http.auth.permission.pipeline.paths=/pipeline/api/invoke,/pipeline/api/info
                    quarkus.http.auth.permission.pipeline.policy=authenticated
                    quarkus.http.auth.policy.admin.roles-allowed=admin
                    quarkus.http.auth.permission.admin.paths=/pipeline/api/metrics
                    quarkus.http.auth.permission.admin.policy=admin
                    quarkus.http.auth.permission.probes.paths=/pipeline/api/health/*
                    quarkus.http.auth.permission.probes.policy=permit
                    """), "application.properties"))
            .setForcedDependencies(List.of(
                    Dependency.of("io.quarkus", "quarkus-elytron-security-properties-file", Version.getVersion())));

    @Test
    void permissionsProtectInvokeAndInfo() {
        given().contentType("application/json").body("{\"parameters\": {\"features\": [1, 2]}}")
                .post("/pipeline/api/invoke").then().statusCode(401);
        given().auth().preemptive().basic("alice", "secret").contentType("application/json")
                .body("{\"parameters\": {\"features\": [1, 2]}}")
                .post("/pipeline/api/invoke").then().statusCode(200).body("success", equalTo(true));
        given().get("/pipeline/api/info").then().statusCode(401);
        given().auth().preemptive().basic("alice", "wrong").get("/pipeline/api/info").then().statusCode(401);
    }

    @Test
    void rolesProtectMetrics() {
        given().auth().preemptive().basic("alice", "secret").get("/pipeline/api/metrics").then().statusCode(403);
        given().auth().preemptive().basic("bob", "secret").get("/pipeline/api/metrics").then().statusCode(200);
    }

    @Test
    void probesStayOpen() {
        given().get("/pipeline/api/health/live").then().statusCode(200);
        given().get("/pipeline/api/health/ready").then().statusCode(200);
    }
}
