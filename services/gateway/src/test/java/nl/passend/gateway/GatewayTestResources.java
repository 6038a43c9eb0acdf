package nl.passend.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The real servers every @QuarkusTest of the gateway runs against, started once for the whole test JVM:
 * the OIDC test issuer and the fake services (a real HTTP server standing in for every service, and a
 * closed port for one that is down).
 */
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
public final class GatewayTestResources {
    private GatewayTestResources() {
    }
}
