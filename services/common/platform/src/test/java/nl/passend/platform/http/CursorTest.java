package nl.passend.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void roundTripsWithMicrosecondPrecision() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-23T10:15:30.123456Z"), UUID.randomUUID());
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(Cursor.decode(null)).isNull();
        assertThat(Cursor.decode("")).isNull();
    }

    @Test
    void aForgedCursorIsA400() {
        for (String bad : new String[] {"%%%", "bm90IGEgY3Vyc29y", "MjAyNi0xMS0yM3xub3QtYS11dWlk"}) {
            assertThatThrownBy(() -> Cursor.decode(bad)).isInstanceOfSatisfying(HttpProblem.class,
                    p -> assertThat(p.getStatusCode()).isEqualTo(400));
        }
    }
}
