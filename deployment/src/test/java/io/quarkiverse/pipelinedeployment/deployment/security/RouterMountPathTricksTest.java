package io.quarkiverse.pipelinedeployment.deployment.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.ext.web.Router;

/**
 * A native {@code Consumer<Router>} endpoint behind the API keys is guarded for every path below its mount, however
 * it is written: the guard is a route on the very path pattern of the mount, ahead of it.
 */
public class RouterMountPathTricksTest {

    static final String P = "quarkus.pipeline.custom-endpoints.";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Tools.class, RawHttp.class))
            .overrideConfigKey("quarkus.pipeline.root-path", "/svc")
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "k")
            .overrideConfigKey(P + "tools.path", "/tools")
            .overrideConfigKey(P + "tools.handler", Tools.class.getName())
            .overrideConfigKey(P + "tools.native", "true");

    @Test
    void everyPathBelowTheMountNeedsTheKey() {
        for (String target : List.of("/svc/tools/a", "/svc/tools/a/", "/svc/tools//a", "//svc/tools/a",
                "/svc//tools/a", "/svc/tools/./a", "/svc/x/../tools/a", "/svc/tools/b/../a", "/svc/%74ools/a",
                "/svc/tools/%61", "/svc/tools;x=1/a", "/svc/tools/a;x=1", "/svc;x=1/tools/a", "/svc/tools/deep/a/b")) {
            for (String method : List.of("GET", "HEAD", "POST", "OPTIONS")) {
                RawHttp.Answer answer = RawHttp.send(method, target);
                assertThat(answer.status()).as(method + " " + target + " -> " + answer).isIn(401, 404, 405);
            }
        }
    }

    @Test
    void theMountAnswersWithTheKey() {
        RawHttp.Answer answer = RawHttp.send("GET", "/svc/tools/a", "Authorization: Bearer k");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("tool a");
        assertThat(RawHttp.send("GET", "/svc/tools/deep/a/b", "Authorization: Bearer k").body()).isEqualTo("deep");
    }

    public static class Tools implements Consumer<Router> {
        @Override
        public void accept(Router router) {
            router.route("/a").handler(ctx -> ctx.response().end("tool a"));
            router.route("/deep/*").handler(ctx -> ctx.response().end("deep"));
        }
    }
}
