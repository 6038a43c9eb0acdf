package nl.passend.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.quarkiverse.resteasy.problem.HttpProblem;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void missingIfMatchIs428() {
        assertThatThrownBy(() -> ETags.requireMatch(null, 3)).isInstanceOfSatisfying(HttpProblem.class,
                p -> assertThat(p.getStatusCode()).isEqualTo(428));
        assertThatThrownBy(() -> ETags.requireMatch(" ", 3)).isInstanceOfSatisfying(HttpProblem.class,
                p -> assertThat(p.getStatusCode()).isEqualTo(428));
    }

    @Test
    void staleIfMatchIs412() {
        assertThatThrownBy(() -> ETags.requireMatch("\"2\"", 3)).isInstanceOfSatisfying(HttpProblem.class,
                p -> assertThat(p.getStatusCode()).isEqualTo(412));
        assertThatThrownBy(() -> ETags.requireMatch("garbage", 3)).isInstanceOfSatisfying(HttpProblem.class,
                p -> assertThat(p.getStatusCode()).isEqualTo(412));
    }

    @Test
    void currentVersionMatchesInEveryAllowedForm() {
        assertThatCode(() -> ETags.requireMatch("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("W/\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("\"1\", \"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("*", 3)).doesNotThrowAnyException();
        assertThat(ETags.of(3).getValue()).isEqualTo("3");
    }
}
