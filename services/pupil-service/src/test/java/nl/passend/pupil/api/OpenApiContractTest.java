package nl.passend.pupil.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import nl.passend.testing.ContractResponses;
import nl.passend.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/**
 * The committed api-specs/openapi/pupil-service.yaml is what the service really serves, and every answer a
 * test receives is checked against it (ContractResponses, in every service's tests).
 */
@QuarkusTest
class OpenApiContractTest {

    private static final String PUPIL = "/pupils/7d0b1a52-3c9e-4f5a-9a51-2f4c1e0b9d11";

    @Test
    void servedSpecMatchesTheCommittedContract() {
        OpenApiContract.assertServiceMatches("api-specs/pupil-service.yaml", "pupil-service");
    }

    @Test
    void everyAnswerATestReceivesIsCheckedAgainstTheContract() {
        assertThat(RestAssured.filters()).hasAtLeastOneElementOfType(ContractResponses.class);
    }

    @Test
    void anAnswerTheContractDoesNotDescribeIsADifference() {
        OpenApiInteractionValidator contract = ContractResponses.validator("api-specs/pupil-service.yaml");
        String pupil = "{\"id\": \"7d0b1a52-3c9e-4f5a-9a51-2f4c1e0b9d11\", \"givenName\": %s, \"familyName\": \"Peeters\","
                + " \"birthDate\": \"2016-04-08\", \"status\": %s, \"version\": 1}";
        assertThat(ContractResponses.differences(contract, "GET", PUPIL, 200, "application/json",
                pupil.formatted("\"Milan\"", "\"ACTIVE\""))).isEmpty();
        // a number for a text, a status the enumeration does not have, a field the schema does not have
        assertThat(ContractResponses.differences(contract, "GET", PUPIL, 200, "application/json",
                pupil.formatted("12345", "\"GONE\"").replace("}", ", \"nickname\": \"M\"}")))
                .anyMatch(d -> d.contains("/givenName")).anyMatch(d -> d.contains("GONE"))
                .anyMatch(d -> d.contains("nickname"));
        // a status code the operation does not list
        assertThat(ContractResponses.differences(contract, "GET", PUPIL, 418, null, null))
                .anyMatch(d -> d.contains("418"));
    }
}
