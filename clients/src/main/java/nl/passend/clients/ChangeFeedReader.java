package nl.passend.clients;

import java.io.PrintStream;
import java.util.List;

import nl.passend.client.ApiClient;
import nl.passend.client.ApiException;
import nl.passend.client.api.ChangesApi;
import nl.passend.client.model.ChangeResponse;
import nl.passend.client.model.PageChangeResponse;

/**
 * Reads a school's change feed (GET /api/v1/schools/{code}/changes) from the start with the generated Java
 * client, page by page, and prints one line per entry, {@code type id pupilId change version} (a missing
 * value as {@code -}), then {@code cursor <nextCursor>}: the cursor to poll with next time.
 *
 * <pre>java -cp CLASSPATH nl.passend.clients.ChangeFeedReader BASE-URL TOKEN SCHOOL-CODE [TYPES]</pre>
 *
 * BASE-URL is the gateway's, e.g. http://localhost:8080; TOKEN a bearer token whose schools claim holds the
 * school; TYPES optionally the event types to read, comma-separated. Exit code 0 when every page was read,
 * 1 when the API answered an error or could not be reached (the status and body, or the cause, on standard
 * error), 2 on wrong arguments.
 */
public final class ChangeFeedReader {

    private static final int PAGE_SIZE = 500;

    private final ChangesApi changes;
    private final PrintStream out;

    ChangeFeedReader(ChangesApi changes, PrintStream out) {
        this.changes = changes;
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: ChangeFeedReader BASE-URL TOKEN SCHOOL-CODE [TYPES]");
            System.exit(2);
        }
        ApiClient client = new ApiClient();
        client.updateBaseUri(args[0]);
        String authorization = "Bearer " + args[1];
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        String types = args.length == 4 ? args[3] : null;
        try {
            new ChangeFeedReader(new ChangesApi(client), System.out).readAll(args[2], types);
        } catch (ApiException e) {
            System.err.println("ChangeFeedReader: " + (e.getCode() == 0 ? e.getMessage()
                    : "HTTP " + e.getCode() + " " + e.getResponseBody()));
            System.exit(1);
        }
    }

    /** Prints every entry from the start and then the cursor to go on from; returns that cursor. */
    String readAll(String school, String types) throws ApiException {
        String cursor = null;
        while (true) {
            PageChangeResponse page = page(school, cursor, types);
            List<ChangeResponse> items = page.getItems() == null ? List.of() : page.getItems();
            items.forEach(this::print);
            if (page.getNextCursor() != null) {
                cursor = page.getNextCursor();
            }
            if (!Boolean.TRUE.equals(page.getHasMore()) || items.isEmpty()) {
                break;
            }
        }
        out.println("cursor " + orDash(cursor));
        return cursor;
    }

    /** The one call of the generated client's operation: its name follows the contract's operationId. */
    private PageChangeResponse page(String school, String cursor, String types) throws ApiException {
        return changes.listSchoolChanges(school, cursor, PAGE_SIZE, types, null); // no X-Passend-After: it wrote nothing
    }

    private void print(ChangeResponse entry) {
        out.println(String.join(" ", orDash(entry.getType()), orDash(entry.getId()), orDash(entry.getPupilId()),
                orDash(entry.getChange()), orDash(entry.getVersion())));
    }

    private static String orDash(Object value) {
        return value == null ? "-" : String.valueOf(value);
    }
}
