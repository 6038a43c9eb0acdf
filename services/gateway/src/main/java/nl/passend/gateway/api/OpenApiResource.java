package nl.passend.gateway.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import nl.passend.gateway.openapi.SwaggerUiLogin;
import nl.passend.platform.http.SecurityHeaders;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The whole public API as one OpenAPI document: api-specs/openapi/passend-api.yaml, merged from the
 * services' contracts (see {@code nl.passend.gateway.openapi.OpenApiMerger}), packaged with the gateway, served
 * with the URLs of the Keycloak realm as a browser reaches it ({@code SecurityHeaders.swaggerUiRealm}) in its OAuth 2
 * scheme. Swagger UI (/q/swagger-ui) shows it. One of the gateway's own paths (passend.gateway.own-paths), and
 * public (passend.gateway.public-paths).
 */
@Path("/api/v1/openapi.yaml")
public class OpenApiResource {

    static final String DOCUMENT = "openapi/passend-api.yaml";

    private final byte[] document;

    public OpenApiResource() {
        String packaged = new String(read(), StandardCharsets.UTF_8);
        document = SecurityHeaders.swaggerUiRealm(ConfigProvider.getConfig())
                .map(realm -> SwaggerUiLogin.withRealm(packaged, realm)).orElse(packaged).getBytes(StandardCharsets.UTF_8);
    }

    /** The merged document as packaged. */
    static byte[] read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the gateway's classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces("application/yaml")
    // not in the gateway's own contract: public (no token), unlike every endpoint documented there
    @Operation(operationId = "getOpenApiDocument", summary = "The Passend API as one OpenAPI document", hidden = true)
    public Response document() {
        return Response.ok(document).header("Cache-Control", "max-age=300").build();
    }
}
