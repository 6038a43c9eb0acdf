package nl.passend.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import java.util.Set;

/**
 * Signed access tokens from the test issuer of {@code quarkus-test-oidc-server} (its
 * {@code OidcWiremockTestResource} serves the keys), with Passend's claims: roles in {@code groups},
 * the school codes in {@code schools}, and {@code board} / {@code swv} where given. The service under
 * test needs {@code smallrye.jwt.sign.key.location=privateKey.jwk} in its test configuration.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    /** The audience of every token of the API (quarkus.oidc.token.audience). */
    public static final String AUDIENCE = "passend-api";

    private final String subject;
    private Set<String> roles = Set.of();
    private List<String> schools = List.of();
    private String board;
    private String swv;

    private TestTokens(String subject) {
        this.subject = subject;
    }

    public static TestTokens subject(String subject) {
        return new TestTokens(subject);
    }

    public TestTokens roles(String... roles) {
        this.roles = Set.of(roles);
        return this;
    }

    public TestTokens schools(String... schools) {
        this.schools = List.of(schools);
        return this;
    }

    public TestTokens board(String board) {
        this.board = board;
        return this;
    }

    public TestTokens swv(String swv) {
        this.swv = swv;
        return this;
    }

    public String sign() {
        JwtClaimsBuilder claims = Jwt.subject(subject)
                .preferredUserName(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .groups(roles)
                .claim("schools", schools);
        if (board != null) {
            claims.claim("board", board);
        }
        if (swv != null) {
            claims.claim("swv", swv);
        }
        return claims.jws().keyId("1").sign();
    }

    /** Shorthand: a bearer token for a user with one role working at the given schools. */
    public static String token(String subject, String role, String... schools) {
        return subject(subject).roles(role).schools(schools).sign();
    }

    /** A random school code of the BRIN + vestiging shape (e.g. {@code 12AB34}), so that tests never share a school. */
    public static String newSchoolCode() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return String.format("%02d%c%c%02d", r.nextInt(100), (char) ('A' + r.nextInt(26)), (char) ('A' + r.nextInt(26)),
                r.nextInt(100));
    }
}
