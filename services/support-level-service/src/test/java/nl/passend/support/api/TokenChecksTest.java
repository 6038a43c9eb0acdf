package nl.passend.support.api;

import io.quarkus.test.junit.QuarkusTest;
import nl.passend.testing.TokenContract;

/** Only the API's own tokens get in: {@link TokenContract}. */
@QuarkusTest
class TokenChecksTest extends TokenContract {

    @Override
    protected String protectedPath() {
        return "/pupils/00000000-0000-0000-0000-000000000001/support-level";
    }
}
