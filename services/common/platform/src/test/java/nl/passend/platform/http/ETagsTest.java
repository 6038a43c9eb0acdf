package nl.passend.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.passend.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void aChangeWithoutIfMatchIsUnconditional() {
        assertThatThrownBy(() -> ETags.expected(null).require(3)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.UNCONDITIONAL));
        assertThatThrownBy(() -> ETags.expected(" ").require(3)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.UNCONDITIONAL));
    }

    @Test
    void aStaleOrForeignIfMatchIsAStaleVersion() {
        assertThatThrownBy(() -> ETags.expected("\"2\"").require(3)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.STALE));
        assertThatThrownBy(() -> ETags.expected("garbage").require(3)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.STALE));
    }

    @Test
    void currentVersionMatchesInEveryAllowedForm() {
        assertThatCode(() -> ETags.expected("\"3\"").require(3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.expected("W/\"3\"").require(3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.expected("\"1\", \"3\"").require(3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.expected("*").require(3)).doesNotThrowAnyException();
        assertThat(ETags.of(3).getValue()).isEqualTo("3");
    }
}
