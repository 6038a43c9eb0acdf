package nl.passend.support;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import nl.passend.testing.KafkaResource;
import nl.passend.testing.PostgresResource;

/**
 * The real servers every @QuarkusTest of this service runs against, started once for the whole test
 * JVM: PostgreSQL (database "support"), a Kafka broker, and the OIDC test issuer.
 */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "support"))
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "support-level-service"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
public final class SupportServiceTestResources {
    private SupportServiceTestResources() {
    }
}
