package nl.passend.consent.api;

import io.quarkus.test.junit.QuarkusTest;
import nl.passend.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/** The committed api-specs/openapi/consent-service.yaml is what the service really serves. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void servedSpecMatchesTheCommittedContract() {
        OpenApiContract.assertServiceMatches("api-specs/consent-service.yaml", "consent-service");
    }
}
