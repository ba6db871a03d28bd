package io.quarkiverse.pipelinedeployment.deployment.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.logging.Logger;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import io.quarkus.gizmo.Gizmo;

/**
 * Finds the {@code @Step} methods that a {@code @Pipeline} method reaches, by reading the bytecode of the
 * application's classes at build time: calls, lambdas and method references are followed transitively through the
 * classes of the application index (never into the JDK or libraries that are not indexed). A call on a class or an
 * interface also reaches the methods that override it in the index's subclasses and implementations, as a bean
 * injected by its interface would run them. A class instantiated with {@code new} also reaches its methods that
 * implement a type from outside the index ({@code Runnable.run}, {@code Function.apply}, ...), which the JDK may call.
 * Each method is read once.
 */
final class ReachableSteps {

    private static final Logger LOG = Logger.getLogger(ReachableSteps.class);

    /** A method as the bytecode names it: internal class name, name, descriptor. */
    record MethodRef(String owner, String name, String descriptor) {

        static MethodRef of(MethodInfo method) {
            return new MethodRef(method.declaringClass().name().toString().replace('.', '/'), method.name(),
                    method.descriptor());
        }

        String key() {
            return name + descriptor;
        }
    }

    /** A class as read from its bytecode: its supertypes and, for each method, what it calls. */
    private record ParsedClass(String superName, List<String> interfaces, Map<String, List<Call>> methods) {
    }

    /** An invocation in a method body; {@code virtual} when overriding methods may run instead. */
    private record Call(MethodRef target, boolean virtual, boolean instantiation) {
    }

    private final IndexView application;
    private final IndexView computing;
    private final ClassLoader loader;
    private final Map<String, ParsedClass> parsed = new HashMap<>();

    /**
     * @param application the application's index: the only classes whose bytecode is read
     * @param computing an index that also knows the JDK and library types, for their method signatures
     */
    ReachableSteps(IndexView application, IndexView computing, ClassLoader loader) {
        this.application = application;
        this.computing = computing;
        this.loader = loader;
    }

    /**
     * @param steps every {@code @Step} method of the application, with its step name
     * @return the names of the steps {@code pipeline} reaches, sorted; every step name when the pipeline's class
     *         cannot be read
     */
    List<String> from(MethodInfo pipeline, Map<MethodRef, String> steps) {
        MethodRef entry = MethodRef.of(pipeline);
        if (parse(entry.owner()) == null) {
            LOG.debugf("Cannot read the bytecode of %s: listing every @Step", entry.owner());
            return List.copyOf(new TreeSet<>(steps.values()));
        }
        Set<String> names = new TreeSet<>();
        Set<MethodRef> visited = new HashSet<>();
        Set<String> instantiated = new HashSet<>();
        Deque<MethodRef> pending = new ArrayDeque<>();
        pending.add(entry);
        while (!pending.isEmpty()) {
            MethodRef method = pending.poll();
            if (!visited.add(method)) {
                continue;
            }
            String step = steps.get(method);
            if (step != null) {
                names.add(step);
            }
            ParsedClass owner = parse(method.owner());
            List<Call> calls = owner == null ? null : owner.methods().get(method.key());
            if (calls == null) {
                continue;
            }
            for (Call call : calls) {
                if (call.instantiation()) {
                    if (instantiated.add(call.target().owner())) {
                        pending.addAll(callbacks(call.target().owner()));
                    }
                    continue;
                }
                MethodRef declared = declaration(call.target().owner(), call.target().key());
                if (declared != null) {
                    pending.add(declared);
                }
                if (call.virtual()) {
                    pending.addAll(overrides(call.target()));
                }
            }
        }
        return List.copyOf(names);
    }

    /** The method a call on {@code owner} runs: declared there, or inherited from a superclass or an interface. */
    private MethodRef declaration(String owner, String key) {
        ParsedClass type = parse(owner);
        if (type == null) {
            return null;
        }
        if (type.methods().containsKey(key)) {
            int paren = key.indexOf('(');
            return new MethodRef(owner, key.substring(0, paren), key.substring(paren));
        }
        MethodRef inherited = type.superName() == null ? null : declaration(type.superName(), key);
        for (int i = 0; inherited == null && i < type.interfaces().size(); i++) {
            inherited = declaration(type.interfaces().get(i), key);
        }
        return inherited;
    }

    /** The methods of the index's subclasses or implementations of the call's owner that may run instead. */
    private List<MethodRef> overrides(MethodRef target) {
        DotName owner = DotName.createSimple(target.owner().replace('/', '.'));
        ClassInfo type = application.getClassByName(owner);
        if (type == null) {
            return List.of();
        }
        List<MethodRef> overrides = new ArrayList<>();
        for (ClassInfo subtype : type.isInterface() ? application.getAllKnownImplementations(owner)
                : application.getAllKnownSubclasses(owner)) {
            MethodRef declared = declaration(subtype.name().toString().replace('.', '/'), target.key());
            if (declared != null) {
                overrides.add(declared);
            }
        }
        return overrides;
    }

    /**
     * The methods of an instantiated application class that implement a method of a type outside the index, so that
     * the JDK or a library may call them: {@code run()} of a {@code Runnable} handed to an executor.
     */
    private List<MethodRef> callbacks(String owner) {
        Set<String> external = new HashSet<>();
        collectExternalMethods(owner, external, new HashSet<>());
        List<MethodRef> callbacks = new ArrayList<>();
        for (String key : external) {
            MethodRef declared = declaration(owner, key);
            if (declared != null) {
                callbacks.add(declared);
            }
        }
        return callbacks;
    }

    private void collectExternalMethods(String internalName, Set<String> keys, Set<String> seen) {
        if (internalName == null || internalName.equals("java/lang/Object") || !seen.add(internalName)) {
            return;
        }
        ParsedClass type = parse(internalName);
        if (type != null) {
            collectExternalMethods(type.superName(), keys, seen);
            for (String superInterface : type.interfaces()) {
                collectExternalMethods(superInterface, keys, seen);
            }
            return;
        }
        ClassInfo external = computing.getClassByName(DotName.createSimple(internalName.replace('/', '.')));
        if (external == null) {
            return;
        }
        for (MethodInfo method : external.methods()) {
            if (!method.isConstructor() && !method.isStaticInitializer()) {
                keys.add(method.name() + method.descriptor());
            }
        }
        if (external.superName() != null) {
            collectExternalMethods(external.superName().toString().replace('.', '/'), keys, seen);
        }
        for (DotName superInterface : external.interfaceNames()) {
            collectExternalMethods(superInterface.toString().replace('.', '/'), keys, seen);
        }
    }

    /** Reads a class of the application index once; {@code null} for any other class. */
    private ParsedClass parse(String internalName) {
        if (parsed.containsKey(internalName)) {
            return parsed.get(internalName);
        }
        ParsedClass result = null;
        if (application.getClassByName(DotName.createSimple(internalName.replace('/', '.'))) != null) {
            try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
                if (in != null) {
                    result = read(new ClassReader(in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to read the bytecode of " + internalName, e);
            }
        }
        parsed.put(internalName, result);
        return result;
    }

    private static ParsedClass read(ClassReader reader) {
        Map<String, List<Call>> methods = new HashMap<>();
        reader.accept(new ClassVisitor(Gizmo.ASM_API_VERSION) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                List<Call> calls = new ArrayList<>();
                methods.put(name + descriptor, calls);
                return new MethodVisitor(Gizmo.ASM_API_VERSION) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                            boolean isInterface) {
                        boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
                        calls.add(new Call(new MethodRef(owner, name, descriptor), virtual, false));
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        if (opcode == Opcodes.NEW) {
                            calls.add(new Call(new MethodRef(type, "<init>", ""), false, true));
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                            Object... arguments) {
                        // Lambdas and method references: the implementation method is a handle argument
                        for (Object argument : arguments) {
                            if (argument instanceof Handle handle) {
                                boolean virtual = handle.getTag() == Opcodes.H_INVOKEVIRTUAL
                                        || handle.getTag() == Opcodes.H_INVOKEINTERFACE;
                                calls.add(new Call(new MethodRef(handle.getOwner(), handle.getName(), handle.getDesc()),
                                        virtual, false));
                            }
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ParsedClass(reader.getSuperName(), List.of(reader.getInterfaces()), methods);
    }
}
