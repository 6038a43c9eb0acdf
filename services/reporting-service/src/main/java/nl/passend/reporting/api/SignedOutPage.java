package nl.passend.reporting.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Where the identity provider sends the browser after the dashboard's logout (/dashboard/logout). */
@Path("/signed-out")
@PermitAll
public class SignedOutPage {

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><title>Passend – afgemeld</title></head><body>
            <h1>U bent afgemeld</h1>
            <p><a href="/dashboard">Opnieuw aanmelden</a></p>
            </body></html>
            """;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "signedOut", hidden = true) // a browser's landing page, not part of the API
    public String page() {
        return PAGE;
    }
}
