package nl.passend.reporting;

import java.util.UUID;
import nl.passend.testing.TestTokens;

/** Bearer tokens per role, scoped as Keycloak scopes them (swv, board, schools claims). */
public final class Tokens {

    private Tokens() {
    }

    public static String analyst(String swv) {
        return TestTokens.subject("analyst-" + UUID.randomUUID()).roles("swv-analyst").swv(swv).sign();
    }

    public static String consultant(String swv) {
        return TestTokens.subject("consultant-" + UUID.randomUUID()).roles("swv-consultant").swv(swv).sign();
    }

    public static String board(String board, String swv) {
        return TestTokens.subject("board-" + UUID.randomUUID()).roles("board").board(board).swv(swv).sign();
    }

    public static String director(String school, String board, String swv) {
        return TestTokens.subject("director-" + UUID.randomUUID()).roles("director").schools(school).board(board)
                .swv(swv).sign();
    }

    public static String role(String role, String school, String swv) {
        return TestTokens.subject(role + "-" + UUID.randomUUID()).roles(role).schools(school).swv(swv).sign();
    }

    public static String admin() {
        return TestTokens.subject("admin-" + UUID.randomUUID()).roles("admin").sign();
    }
}
