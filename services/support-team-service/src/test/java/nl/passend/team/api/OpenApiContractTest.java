package nl.passend.team.api;

import io.quarkus.test.junit.QuarkusTest;
import nl.passend.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/** The running service serves exactly the committed contract api-specs/openapi/support-team-service.yaml. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void theServedDocumentMatchesTheCommittedSpec() {
        OpenApiContract.assertServiceMatches("api-specs/support-team-service.yaml", "support-team-service");
    }
}
