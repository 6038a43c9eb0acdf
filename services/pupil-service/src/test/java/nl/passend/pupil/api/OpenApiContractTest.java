package nl.passend.pupil.api;

import io.quarkus.test.junit.QuarkusTest;
import nl.passend.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/** The committed api-specs/openapi/pupil-service.yaml is what the service really serves. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void servedSpecMatchesTheCommittedContract() {
        OpenApiContract.assertServiceMatches("api-specs/pupil-service.yaml", "pupil-service");
    }
}
