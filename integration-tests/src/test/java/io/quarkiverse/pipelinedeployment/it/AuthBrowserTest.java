package io.quarkiverse.pipelinedeployment.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With API keys configured, the dashboard asks for a key and sends it as a bearer token.
 */
@QuarkusTest
@TestProfile(ApiKeyProfile.class)
public class AuthBrowserTest extends BrowserTestBase {

    @Test
    void invokeNeedsTheKey() {
        given().contentType("application/json").body("{\"parameters\": {\"features\": [1]}}").post("/invoke")
                .then().statusCode(401).body("detail", equalTo("Authorization header required"));
        given().header("Authorization", "Bearer " + ApiKeyProfile.KEY).contentType("application/json")
                .body("{\"parameters\": {\"features\": [1]}}").post("/invoke").then().statusCode(200);
    }

    @Test
    void dashboardAsksForTheKey() {
        open("/");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
        // The form is built from /info once it has loaded: it may come after the key field
        WebElement features = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("param-features")));
        features.sendKeys("[0.3, 0.3]");

        // Without the key, the invocation is refused
        driver.findElement(By.id("invoke-button")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("result-badge"), "HTTP 401"));
        assertThat(driver.findElement(By.id("result-error")).getText()).isEqualTo("Authorization header required");

        // With it, it runs
        driver.findElement(By.id("api-key")).sendKeys(ApiKeyProfile.KEY);
        driver.findElement(By.cssSelector("#auth-form button")).click();
        driver.findElement(By.id("invoke-button")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("result-badge"), "success"));
        assertThat(driver.findElement(By.id("result-outputs")).getText()).contains("\"score\"");
    }
}
