package nl.passend.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import nl.passend.platform.http.CsvTable;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A resource answers {@code text/csv} with a {@link CsvTable}, which the one CSV writer turns into
 * text: in the API documents that answer is a string, not the Java record.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class CsvAsText implements OASFilter {

    private static final String CSV_TABLE = CsvTable.class.getSimpleName();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().removeSchema(CSV_TABLE);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(operation -> {
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().stream()
                        .filter(response -> response.getContent() != null && response.getContent().getMediaTypes() != null)
                        .flatMap(response -> response.getContent().getMediaTypes().values().stream())
                        .forEach(CsvAsText::asText);
            }
        }));
    }

    private static void asText(MediaType media) {
        Schema schema = media.getSchema();
        if (schema != null && schema.getRef() != null && schema.getRef().endsWith("/" + CSV_TABLE)) {
            media.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
        }
    }
}
