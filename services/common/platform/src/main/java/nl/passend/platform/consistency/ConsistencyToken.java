package nl.passend.platform.consistency;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import nl.passend.platform.outbox.LastWrite;

/**
 * Gives a write's answer its consistency token: {@code X-Passend-Consistency} with the id of the last outbox
 * event the request committed. A caller that reads the result from another service (or from this one, after
 * its own write) sends it back as {@code X-Passend-After} ({@link ReadAfter}). A request that wrote no event
 * answers without the header.
 */
@Provider
public class ConsistencyToken implements ContainerResponseFilter {

    /** The answer's token: the id of the last event the write published. */
    public static final String HEADER = "X-Passend-Consistency";

    @Inject
    LastWrite lastWrite;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        lastWrite.eventId().ifPresent(id -> response.getHeaders().putSingle(HEADER, id.toString()));
    }
}
