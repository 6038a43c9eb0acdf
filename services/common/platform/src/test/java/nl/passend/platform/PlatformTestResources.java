package nl.passend.platform;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import nl.passend.testing.KafkaResource;
import nl.passend.testing.PostgresResource;

/** The real servers behind the platform's own tests: PostgreSQL, a Kafka broker, the OIDC issuer. */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "platform"))
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "platform-test"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
public final class PlatformTestResources {
    private PlatformTestResources() {
    }
}
