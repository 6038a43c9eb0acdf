package nl.passend.gateway.domain;

/** The correlation id of a request ({@code X-Correlation-Id}): the platform's rule, which every service applies too. */
public final class CorrelationIds {

    public static final String HEADER = nl.passend.platform.http.CorrelationIds.HEADER;

    private CorrelationIds() {
    }

    public static boolean isValid(String id) {
        return nl.passend.platform.http.CorrelationIds.isValid(id);
    }

    /** The incoming id if it is valid, else a new one. */
    public static String accept(String incoming) {
        return nl.passend.platform.http.CorrelationIds.accept(incoming);
    }
}
