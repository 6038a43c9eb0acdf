package nl.passend.reporting.api;

import io.quarkus.test.junit.QuarkusTest;
import nl.passend.testing.TokenContract;

/** Only the API's own tokens get in: {@link TokenContract}. */
@QuarkusTest
class TokenChecksTest extends TokenContract {

    @Override
    protected String protectedPath() {
        return "/swvs/SWV01/publications";
    }
}
