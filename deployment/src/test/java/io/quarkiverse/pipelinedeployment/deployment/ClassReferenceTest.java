package io.quarkiverse.pipelinedeployment.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexView;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * How {@code Class#method} references from the configuration are read and resolved in the index, with the messages
 * a wrong one fails the build with.
 */
public class ClassReferenceTest {

    static final String KEY = "quarkus.pipeline.startup-hook";

    @Test
    void aReferenceWithoutHashIsAClass() {
        ClassReference reference = ClassReference.parse("com.acme.Hooks");
        assertThat(reference.isMethod()).isFalse();
        assertThat(reference.className()).isEqualTo("com.acme.Hooks");
        assertThat(reference.methodName()).isNull();
        assertThat(ClassReference.isMethod("com.acme.Hooks")).isFalse();
        assertThat(reference).hasToString("com.acme.Hooks");
    }

    @Test
    void aReferenceWithHashIsAMethodSplitAtTheFirstHash() {
        ClassReference reference = ClassReference.parse("com.acme.Hooks#start");
        assertThat(reference.isMethod()).isTrue();
        assertThat(reference.className()).isEqualTo("com.acme.Hooks");
        assertThat(reference.methodName()).isEqualTo("start");
        assertThat(reference).hasToString("com.acme.Hooks#start");
        assertThat(ClassReference.parse("a#b#c").methodName()).isEqualTo("b#c");
        assertThat(ClassReference.isMethod("#start")).isTrue();
    }

    @Test
    void aMethodReferenceNeedsAClassAndAMethod() {
        assertThat(ClassReference.method(KEY, "com.acme.Hooks#start"))
                .isEqualTo(new ClassReference("com.acme.Hooks", "start"));
        for (String malformed : List.of("com.acme.Hooks", "#start", "com.acme.Hooks#", "#")) {
            assertThatThrownBy(() -> ClassReference.method(KEY, malformed))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage(KEY + "=" + malformed + ": expected a reference like com.acme.Hooks#method");
        }
    }

    @Test
    void aMethodOfTheIndexIsWrittenClassHashMethod() throws IOException {
        IndexView index = Index.of(Hooks.class);
        var start = index.getClassByName(DotName.createSimple(Hooks.class)).firstMethod("start");
        assertThat(ClassReference.of(start)).isEqualTo(Hooks.class.getName() + "#start");
    }

    @Test
    void resolvesTheMethodInTheIndex() throws IOException {
        IndexView index = Index.of(Hooks.class);
        assertThat(JandexReferences.method(KEY, Hooks.class.getName() + "#start", index).name()).isEqualTo("start");
    }

    @Test
    void anUnknownClassOrMethodOrAnOverloadFailsNamingTheProperty() throws IOException {
        IndexView index = Index.of(Hooks.class);
        String hooks = Hooks.class.getName();
        assertThatThrownBy(() -> JandexReferences.method(KEY, "com.acme.Missing#start", index))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(KEY + "=com.acme.Missing#start: no class com.acme.Missing in the application");
        assertThatThrownBy(() -> JandexReferences.method(KEY, hooks + "#stop", index))
                .hasMessage(KEY + "=" + hooks + "#stop: " + hooks + " has no method stop");
        assertThatThrownBy(() -> JandexReferences.method(KEY, hooks + "#twice", index))
                .hasMessage(KEY + "=" + hooks + "#twice: " + hooks
                        + " has 2 methods named twice; give the hook a name of its own");
        assertThatThrownBy(() -> JandexReferences.method(KEY, hooks, index))
                .hasMessage(KEY + "=" + hooks + ": expected a reference like com.acme.Hooks#method");
    }

    @Test
    void classesAreLookedUpAndCheckedConcrete() throws IOException {
        IndexView index = Index.of(Hooks.class, Abstract.class, Map.class);
        assertThat(JandexReferences.concreteClass(KEY, Hooks.class.getName(), index).name().toString())
                .isEqualTo(Hooks.class.getName());
        assertThatThrownBy(() -> JandexReferences.clazz(KEY, "com.acme.Missing", index))
                .hasMessage(KEY + "=com.acme.Missing: no such class in the application");
        assertThatThrownBy(() -> JandexReferences.concreteClass(KEY, Abstract.class.getName(), index))
                .hasMessage(KEY + "=" + Abstract.class.getName() + " is abstract");
        assertThatThrownBy(() -> JandexReferences.concreteClass(KEY, Map.class.getName(), index))
                .hasMessage(KEY + "=" + Map.class.getName() + " is abstract");
    }

    @Test
    void answersWhatTheProcessorsAskOfAClass() throws IOException {
        IndexView index = Index.of(Hooks.class, Abstract.class, Sub.class, Runnable.class, Task.class);
        var sub = index.getClassByName(DotName.createSimple(Sub.class));
        assertThat(JandexReferences.implementsInterface(sub, DotName.createSimple(Runnable.class), index)).isTrue();
        assertThat(JandexReferences.implementsInterface(sub, DotName.createSimple(AutoCloseable.class), index))
                .isFalse();
        assertThat(JandexReferences.extendsClass(sub, DotName.createSimple(Abstract.class), index)).isTrue();
        assertThat(JandexReferences.extendsClass(sub, DotName.createSimple(Hooks.class), index)).isFalse();
        assertThat(JandexReferences.hasMethod(sub, "run", index)).isTrue();
        assertThat(JandexReferences.hasMethod(sub, "handle", index)).isFalse();
        assertThat(JandexReferences.hasPublicConstructor(sub, List.of(DotName.createSimple(Map.class)))).isTrue();
        assertThat(JandexReferences.hasPublicConstructor(sub, List.of())).isFalse();
    }

    public static class Hooks {
        public void start() {
        }

        public void twice() {
        }

        public void twice(String s) {
        }
    }

    public abstract static class Abstract implements Task {
        @Override
        public void run() {
        }
    }

    /** Implements Runnable through Task, and inherits run(). */
    public static class Sub extends Abstract {
        public Sub(Map<String, String> args) {
        }
    }

    public interface Task extends Runnable {
    }
}
