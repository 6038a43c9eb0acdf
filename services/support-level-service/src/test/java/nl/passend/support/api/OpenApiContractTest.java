package nl.passend.support.api;

import io.quarkus.test.junit.QuarkusTest;
import nl.passend.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/** The running service serves exactly the committed contract api-specs/openapi/support-level-service.yaml. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void theServedDocumentMatchesTheCommittedSpec() {
        OpenApiContract.assertServiceMatches("api-specs/support-level-service.yaml", "support-level-service");
    }
}
