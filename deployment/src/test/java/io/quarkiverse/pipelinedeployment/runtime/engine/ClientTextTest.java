package io.quarkiverse.pipelinedeployment.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Client strings made safe for the log: escaped, and cut after 200 characters.
 */
public class ClientTextTest {

    @Test
    void plainTextIsKept() {
        String text = "fraud-scoring run 42 (ünïcödé, 日本語)";
        assertThat(ClientText.forLog(text)).isSameAs(text);
        assertThat(ClientText.forLog(null)).isEqualTo("null");
    }

    @Test
    void controlsAreEscaped() {
        assertThat(ClientText.forLog("a\nb\rc\td\\e")).isEqualTo("a\\nb\\rc\\td\\\\e");
        assertThat(ClientText.forLog("\u001b[31mred\u0000\u007f\u0085")).isEqualTo("\\u001b[31mred\\u0000\\u007f\\u0085");
        assertThat(ClientText.forLog("x\u2028y\u202ez\u2066")).isEqualTo("x\\u2028y\\u202ez\\u2066");
    }

    @Test
    void longTextIsCut() {
        assertThat(ClientText.forLog("x".repeat(200))).isEqualTo("x".repeat(200));
        assertThat(ClientText.forLog("x".repeat(201))).isEqualTo("x".repeat(200) + "...");
        assertThat(ClientText.forLog("\n".repeat(300))).isEqualTo("\\n".repeat(200) + "...");
        // A surrogate pair is never split
        String emoji = "x".repeat(199) + "\uD83D\uDE00tail";
        assertThat(ClientText.forLog(emoji)).isEqualTo("x".repeat(199) + "...");
    }
}
