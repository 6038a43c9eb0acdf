package nl.passend.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The services behind the gateway in tests: one real HTTP server (WireMock) on a free loopback port.
 * pupil-service is its root ({@code http://127.0.0.1:port}), every other service a path on it
 * ({@code http://127.0.0.1:port/opp-service}), so that both kinds of base URL are exercised and a stub
 * tells which service a request reached. {@code unreachable-service} is a port nothing listens on.
 * Tests stub and verify through {@link #client()} (WireMock's admin API over HTTP).
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    // not below "passend.": the platform's and the gateway's config mappings refuse keys they do not know there
    public static final String PORT = "fake-services.port";
    public static final List<String> ON_A_PATH = List.of("support-level-service", "opp-service",
            "support-team-service", "consent-service", "reporting-service");

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
        server.start();
        String base = "http://127.0.0.1:" + server.port();
        Map<String, String> config = new HashMap<>();
        config.put(PORT, Integer.toString(server.port()));
        config.put("passend.gateway.services.pupil-service.url", base);
        for (String service : ON_A_PATH) {
            config.put("passend.gateway.services." + service + ".url", base + "/" + service);
        }
        config.put("passend.gateway.services.unreachable-service.url", "http://127.0.0.1:" + closedPort());
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** WireMock's client for the fake services of the running test. */
    public static WireMock client() {
        return new WireMock("127.0.0.1", port());
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue(PORT, Integer.class);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
