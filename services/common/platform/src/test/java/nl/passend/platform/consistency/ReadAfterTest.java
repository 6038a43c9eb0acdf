package nl.passend.platform.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReadAfterTest {

    @Test
    void anEventIdIsAToken() {
        UUID id = UUID.randomUUID();
        assertThat(ReadAfter.parse(id.toString())).isEqualTo(id);
        assertThat(ReadAfter.parse(id.toString().toUpperCase())).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "42", "not-an-event", "1-1-1-1-1", "{6f1c2b9e-0000-4000-8000-000000000000}",
            "6f1c2b9e-0000-4000-8000-0000000000001"})
    void anythingElseIsA400(String token) {
        HttpProblem problem = catchThrowableOfType(HttpProblem.class, () -> ReadAfter.parse(token));
        assertThat(problem.getStatusCode()).isEqualTo(400);
        assertThat(problem.getType()).hasToString("https://passend.nl/problems/invalid-consistency-token");
    }
}
