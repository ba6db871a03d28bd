package io.quarkiverse.pipelinedeployment.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StaticFilesHandlerTest {

    @Test
    void decodesPercentEncodingAsUtf8() {
        assertEquals("assets/my file.js", StaticFilesHandler.decodePath("assets/my%20file.js"));
        assertEquals("assets/naïve.css", StaticFilesHandler.decodePath("assets/na%C3%AFve.css"));
        assertEquals("100%.txt", StaticFilesHandler.decodePath("100%25.txt"));
        assertEquals("a+b.txt", StaticFilesHandler.decodePath("a%2Bb.txt"));
        assertEquals("../pom.xml", StaticFilesHandler.decodePath("%2e%2e%2fpom.xml"));
        assertEquals("日本.txt", StaticFilesHandler.decodePath("%E6%97%A5%E6%9C%AC.txt"));
    }

    @Test
    void keepsAPlus() {
        assertEquals("my+file.js", StaticFilesHandler.decodePath("my+file.js"));
    }

    @Test
    void refusesMalformedEscapes() {
        assertNull(StaticFilesHandler.decodePath("100%.txt"));
        assertNull(StaticFilesHandler.decodePath("a%2"));
        assertNull(StaticFilesHandler.decodePath("a%zzb"));
        assertNull(StaticFilesHandler.decodePath("na%C3ve.css"));
        assertNull(StaticFilesHandler.decodePath("%FF"));
    }
}
