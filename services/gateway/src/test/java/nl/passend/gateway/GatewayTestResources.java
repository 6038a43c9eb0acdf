package nl.passend.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import nl.passend.testing.KafkaResource;
import nl.passend.testing.PostgresResource;

/**
 * The real servers every @QuarkusTest of the gateway runs against, started once for the whole test JVM:
 * PostgreSQL (database "gateway": the webhook subscriptions and deliveries), a Kafka broker (the topics the
 * webhooks come from), the OIDC test issuer, and the fake services (a real HTTP server standing in for every
 * service, and a closed port for one that is down), which is also the webhooks' receiver.
 */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
public final class GatewayTestResources {
    private GatewayTestResources() {
    }
}
