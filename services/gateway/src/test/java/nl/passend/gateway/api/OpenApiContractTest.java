package nl.passend.gateway.api;

import io.quarkus.test.junit.QuarkusTest;
import nl.passend.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/**
 * The committed api-specs/openapi/gateway.yaml (the gateway's own endpoints, merged into passend-api.yaml) is
 * what the gateway really serves at /q/openapi.
 */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void servedSpecMatchesTheCommittedContract() {
        OpenApiContract.assertServiceMatches("api-specs/gateway.yaml", "gateway");
    }
}
