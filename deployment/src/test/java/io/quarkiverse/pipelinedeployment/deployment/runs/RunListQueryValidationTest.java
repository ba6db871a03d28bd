package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A bad query of {@code GET <runs>} gets 422 in the validation shape, naming the parameter: {@code limit} out of
 * 1..1000 or not a whole number, an unknown {@code status} or {@code source}, a cursor the list did not give.
 */
public class RunListQueryValidationTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class));

    private static void invalid(String parameter, String value) {
        given().queryParam(parameter, value).get("/runs").then().statusCode(422)
                .contentType("application/json")
                .body("detail", hasSize(1))
                .body("detail[0].type", equalTo("type_error"))
                .body("detail[0].loc", contains("query", parameter))
                .body("detail[0].msg", not(emptyOrNullString()))
                .body("detail[0].input", equalTo(value));
    }

    @Test
    void limitOutOfRange() {
        for (String limit : new String[] { "0", "1001", "-1", "abc", "1.5", "", "99999999999" }) {
            invalid("limit", limit);
        }
        given().queryParam("limit", 1).get("/runs").then().statusCode(200);
        given().queryParam("limit", 1000).get("/runs").then().statusCode(200);
    }

    @Test
    void unknownStatusOrSource() {
        invalid("status", "done");
        given().queryParam("status", "completed,done").get("/runs").then().statusCode(422)
                .body("detail[0].loc", contains("query", "status"))
                .body("detail[0].input", equalTo("done"));
        invalid("source", "ftp");
        given().queryParam("source", "http,kafka").get("/runs").then().statusCode(422)
                .body("detail[0].loc", contains("query", "source"));
    }

    @Test
    void bogusCursor() {
        for (String cursor : new String[] { "abc", "-3", "0", "12abc" }) {
            invalid("after", cursor);
        }
    }

    public static class Echo {
        @Pipeline
        public String echo(String word) {
            return word;
        }
    }
}
