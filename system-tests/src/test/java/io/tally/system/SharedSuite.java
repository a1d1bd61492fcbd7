package io.tally.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.restassured.RestAssured;
import io.tally.devstack.DemoData;
import io.tally.devstack.Suite;
import io.tally.devstack.SuitePorts;

/**
 * One packaged suite per test JVM, started as {@code ./tally up} starts it (random ports, throw-away data), shared by
 * the test classes that use this extension and stopped when the run ends; REST Assured points at its gateway. Each
 * class keeps to data of its own (new programmes, codes and customers), so they can share it. A {@code Suite}
 * parameter (of {@code @BeforeAll} or a test) is the started suite; a {@code DemoData.Loaded} parameter the demo's data,
 * loaded once. The demo trains the data-driven models, and a trained version credits every conversion that arrives
 * after it: the classes run in the order of their {@code @Order} ({@code junit-platform.properties}), SimulationIT,
 * which needs its conversions credited by the versions it trains, before the demo's.
 */
final class SharedSuite implements BeforeAllCallback, ParameterResolver {

    /** The suite in the run's root store, closed by JUnit after the last test class. */
    private record Started(Suite suite) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        @Override
        public void close() {
            suite.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        RestAssured.baseURI = suite(context).gatewayUrl();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Suite.class || type == DemoData.Loaded.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class ? suite(context) : demo(context);
    }

    /**
     * {@code ./tally up --demo}'s data, loaded into the shared suite once (a second load would find its tracking codes
     * taken) by the first class that asks for a {@code DemoData.Loaded} parameter; later classes get the same.
     */
    private static DemoData.Loaded demo(ExtensionContext context) {
        Suite suite = suite(context);
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(DemoData.class,
                k -> new DemoData(suite.gatewayUrl(), suite.issuer(), suite.espWebhook()).load(),
                DemoData.Loaded.class);
    }

    private static Suite suite(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedSuite.class, k -> new Started(start()), Started.class).suite();
    }

    /** The repository root (where the modules' packaged services are). */
    static Path root() {
        return Path.of(System.getProperty("tally.root", "..")).toAbsolutePath().normalize();
    }

    private static Suite start() {
        try {
            Path logs = Files.createDirectories(root().resolve("system-tests/target/suite-logs"));
            return Suite.start(root(), null, logs, Files.createTempDirectory("tally-suite-keys"),
                    SuitePorts.random());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
