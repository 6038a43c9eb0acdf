package nl.passend.reporting.api;

import io.quarkus.test.junit.QuarkusTest;
import nl.passend.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/** The running service serves exactly the committed contract api-specs/openapi/reporting-service.yaml. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void theServedDocumentMatchesTheCommittedSpec() {
        OpenApiContract.assertServiceMatches("api-specs/reporting-service.yaml", "reporting-service");
    }
}
