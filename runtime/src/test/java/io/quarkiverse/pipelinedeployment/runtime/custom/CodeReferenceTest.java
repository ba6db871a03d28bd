package io.quarkiverse.pipelinedeployment.runtime.custom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeReferenceTest {

    @Test
    void parsesAClass() {
        CodeReference reference = CodeReference.parse("  com.acme.Hooks ");

        assertThat(reference).isEqualTo(new CodeReference("com.acme.Hooks", null));
        assertThat(reference.isMethod()).isFalse();
        assertThat(reference).hasToString("com.acme.Hooks");
    }

    @Test
    void parsesAMethod() {
        CodeReference reference = CodeReference.parse("com.acme.Hooks#warmUp");

        assertThat(reference).isEqualTo(new CodeReference("com.acme.Hooks", "warmUp"));
        assertThat(reference.isMethod()).isTrue();
        assertThat(reference).hasToString("com.acme.Hooks#warmUp");
    }

    @Test
    void loadsTheClassWithTheContextClassLoader() throws Exception {
        assertThat(CodeReference.parse(CodeReferenceTest.class.getName()).load()).isSameAs(CodeReferenceTest.class);
    }
}
