package io.quarkiverse.pipelinedeployment.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecureHeadersHandlerTest {

    @Test
    void trueAndItsSynonymsStandForTheDefault() {
        for (String on : new String[] { "true", "ENABLED", " yes ", "On" }) {
            assertThat(SecureHeadersHandler.resolve(on, SecureHeadersHandler.HSTS)).isEqualTo(SecureHeadersHandler.HSTS);
        }
    }

    @Test
    void falseAndItsSynonymsRemoveTheHeader() {
        for (String off : new String[] { "false", "disabled", "NO", " none", "off" }) {
            assertThat(SecureHeadersHandler.resolve(off, SecureHeadersHandler.XFO)).isNull();
        }
    }

    @Test
    void anyOtherValueIsSentTrimmedAsWritten() {
        assertThat(SecureHeadersHandler.resolve("  DENY ", SecureHeadersHandler.XFO)).isEqualTo("DENY");
    }

    @Test
    void theDefaultsAreTheSeedFrameworksValues() {
        assertThat(SecureHeadersHandler.HSTS).isEqualTo("max-age=63072000; includeSubdomains");
        assertThat(SecureHeadersHandler.XFO).isEqualTo("SAMEORIGIN");
        assertThat(SecureHeadersHandler.CONTENT).isEqualTo("nosniff");
        assertThat(SecureHeadersHandler.REFERRER).isEqualTo("no-referrer-when-downgrade");
        assertThat(SecureHeadersHandler.CACHE).isEqualTo("no-store, no-cache, must-revalidate");
        assertThat(SecureHeadersHandler.CSP).startsWith("default-src 'none'; ").contains("frame-src 'self'");
    }
}
