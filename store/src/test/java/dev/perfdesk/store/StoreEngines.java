package dev.perfdesk.store;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Runs an {@link EngineTest} on each engine, giving it the engine's {@link TestEngine}. */
final class StoreEngines implements TestTemplateInvocationContextProvider {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StoreEngines.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getRequiredTestMethod().isAnnotationPresent(EngineTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(invocation("sqlite"), invocation("postgresql"));
    }

    private static TestTemplateInvocationContext invocation(String engine) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "[" + engine + "]";
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new Resolver(engine), (BeforeEachCallback) context -> {
                    if (engine.equals("postgresql")) {
                        String why = TestEngine.postgresUnavailable();
                        Assumptions.assumeTrue(why == null, () -> "skipped on PostgreSQL: "
                                + context.getDisplayName() + " of " + context.getRequiredTestClass().getSimpleName()
                                + " (" + why + ")");
                    }
                });
            }
        };
    }

    private record Resolver(String engine) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
            return p.getParameter().getType() == TestEngine.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext c) {
            return c.getStore(NAMESPACE).getOrComputeIfAbsent("engine", k -> TestEngine.create(engine),
                    TestEngine.class);
        }
    }
}
