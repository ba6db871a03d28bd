package org.acme;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ScoringPipelineTest {

    @Test
    void invoke() {
        given().contentType("application/json")
                .body("{\"parameters\": {\"features\": [0.2, 1.5, 3.1]}}")
                .when().post("/invoke")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("outputs.flagged", equalTo(true))
                .body("metadata.steps.name", hasItems("normalize", "score"));
    }

    @Test
    void invalidParameters() {
        given().contentType("application/json")
                .body("{\"parameters\": {\"features\": \"many\"}}")
                .when().post("/invoke")
                .then().statusCode(422);
    }

    @Test
    void health() {
        when().get("/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
