package nl.passend.gateway.api;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A gateway endpoint of the tests only, on a path pupil-service's prefix /pupils/* also matches: listed
 * in the test profile's passend.gateway.own-paths, it must be answered here, after the gateway's filter,
 * and never proxied.
 */
@Path("/api/v1/pupils/{id}/gateway-echo")
public class GatewayEchoResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true) // a test fixture, not part of the gateway's contract
    public Map<String, String> echo(@PathParam("id") String id, RoutingContext ctx) {
        return Map.of("id", id,
                "correlationId", String.valueOf(ctx.<String>get(GatewayRoutes.CORRELATION_ID)),
                "clientId", String.valueOf(ctx.<String>get(GatewayRoutes.CLIENT_ID)));
    }
}
