package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code GET <runs>} lists the runs newest first, 50 by default; {@code limit} and the {@code after} cursor page
 * through all of them with no run twice and none missing, {@code next} being {@code null} on the last page; a summary
 * is the record without {@code parameters_used}, {@code steps} and {@code outputs}.
 */
public class RunListPaginationTest {

    static final int RUNS = 55;

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class));

    @Test
    void pagesNewestFirst() {
        // Whatever the other test of this class left, then 55 runs
        List<String> newestFirst = new ArrayList<>(
                given().queryParam("limit", 1000).get("/runs").then().extract().jsonPath()
                        .getList("runs.run_id", String.class));
        for (int i = 0; i < RUNS; i++) {
            String id = given().contentType("application/json")
                    .body("{\"parameters\": {\"word\": \"w" + i + "\"}, \"run_name\": \"run-" + i + "\"}")
                    .post(i % 2 == 0 ? "/invoke" : "/runs").then().statusCode(i % 2 == 0 ? 200 : 202).extract()
                    .path(i % 2 == 0 ? "metadata.run_id" : "run_id");
            newestFirst.add(0, id);
        }

        // The default page: the 50 newest
        JsonPath first = when().get("/runs").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("runs.run_id", String.class)).isEqualTo(newestFirst.subList(0, 50));
        assertThat(first.getList("runs.run_name", String.class).get(0)).isEqualTo("run-" + (RUNS - 1));
        String next = first.getString("next");
        assertThat(next).isNotNull();
        JsonPath second = given().queryParam("after", next).get("/runs").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("runs.run_id", String.class)).isEqualTo(newestFirst.subList(50, newestFirst.size()));
        assertThat(second.getString("next")).isNull();

        // Pages of 7, then of exactly all, then the most a page can hold
        assertThat(allPages(7, newestFirst.size())).isEqualTo(newestFirst);
        assertThat(allPages(newestFirst.size(), newestFirst.size())).isEqualTo(newestFirst);
        JsonPath all = given().queryParam("limit", 1000).get("/runs").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("runs.run_id", String.class)).isEqualTo(newestFirst);
        assertThat(all.getString("next")).isNull();
        JsonPath one = given().queryParam("limit", 1).get("/runs").then().statusCode(200).extract().jsonPath();
        assertThat(one.getList("runs.run_id", String.class)).containsExactly(newestFirst.get(0));
        assertThat(one.getString("next")).isNotNull();
    }

    /** Follows {@code next} from the first page to the last; {@code null} ends it. */
    private static List<String> allPages(int limit, int total) {
        List<String> ids = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", limit);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            JsonPath page = request.get("/runs").then().statusCode(200).extract().jsonPath();
            List<String> runs = page.getList("runs.run_id", String.class);
            assertThat(runs.size()).isLessThanOrEqualTo(limit).isPositive();
            ids.addAll(runs);
            after = page.getString("next");
            assertThat(++pages).isLessThanOrEqualTo(total);
        } while (after != null);
        assertThat(pages).isEqualTo((total + limit - 1) / limit);
        return ids;
    }

    @Test
    void summariesLeaveOutTheRunsData() {
        given().contentType("application/json").body("{\"parameters\": {\"word\": \"summary\"}}").post("/invoke")
                .then().statusCode(200);
        List<Map<String, Object>> runs = given().queryParam("limit", 3).get("/runs").then().statusCode(200)
                .extract().path("runs");
        assertThat(runs).isNotEmpty();
        for (Map<String, Object> summary : runs) {
            assertThat(summary).containsOnlyKeys("run_id", "run_name", "pipeline_name", "deployment_id", "source",
                    "status", "created", "started", "finished", "execution_time", "error", "cancel_requested");
            assertThat(summary.get("pipeline_name")).isEqualTo("echo");
            assertThat(summary.get("source")).isEqualTo("http");
        }
    }

    public static class Echo {
        @Pipeline
        public String echo(String word) {
            return word;
        }
    }
}
