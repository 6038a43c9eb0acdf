package nl.passend.platform.consistency;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.runtime.BlockingOperationControl;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import nl.passend.platform.problem.Problems;

/**
 * Read-your-writes across services: a request with {@code X-Passend-After: <event id>} (the
 * {@code X-Passend-Consistency} of an earlier write) is answered only once this service has the event, in its
 * inbox (it consumed it) or its own outbox (it wrote it). It waits at most {@code passend.consistency.max-wait}
 * (2 s), then answers 503 {@code not-yet-synced} with {@code Retry-After}; a token that is no event id is a
 * 400. Without the header nothing changes; a service that consumes no events does not wait. It runs after
 * authentication and the role check, on the worker thread of the (blocking) resource method, so a wait never
 * holds the event loop; should it ever run on the event loop, it looks once and does not wait. It applies to
 * any method: a change that needs the pupil (an OPP for a pupil just enrolled) may send it too.
 */
@Provider
@Priority(Priorities.USER)
public class ReadAfter implements ContainerRequestFilter {

    /** The request's token: the event the answer must reflect. */
    public static final String HEADER = "X-Passend-After";

    /** Application-scoped, so reached through its proxy: providers are made before the configuration is read. */
    @Inject
    EventArrivals arrivals;

    @Override
    public void filter(ContainerRequestContext request) {
        String token = request.getHeaderString(HEADER);
        if (token == null) {
            return;
        }
        UUID eventId = parse(token.strip());
        if (!arrivals.await(eventId, BlockingOperationControl.isBlockingAllowed())) {
            HttpProblem notYet = HttpProblem.builder(Problems.of(503, "not-yet-synced", "Service unavailable",
                            "event " + eventId + " has not reached this service yet; try again shortly"))
                    .withHeader("Retry-After", arrivals.retryAfterSeconds())
                    .build();
            // an expected answer: resteasy-problem logs every 5xx as an error, at least without a stack trace
            notYet.setStackTrace(new StackTraceElement[0]);
            throw notYet;
        }
    }

    static UUID parse(String token) {
        try {
            UUID id = UUID.fromString(token);
            if (id.toString().equalsIgnoreCase(token)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw Problems.badRequest("invalid-consistency-token",
                HEADER + " must be an event id as " + ConsistencyToken.HEADER + " gave it (a UUID)");
    }
}
