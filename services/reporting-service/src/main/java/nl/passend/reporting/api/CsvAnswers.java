package nl.passend.reporting.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Objects;
import nl.passend.platform.http.CsvTable;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents every CSV answer as what goes over the wire, text: the resources return a
 * {@link CsvTable}, which the platform's writer turns into CSV, but the scanner would describe the
 * record itself as a JSON object.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class CsvAnswers implements OASFilter {

    private static final String CSV_TABLE = CsvTable.class.getSimpleName();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().stream()
                .flatMap(path -> path.getOperations().values().stream())
                .filter(operation -> operation.getResponses() != null
                        && operation.getResponses().getAPIResponses() != null)
                .flatMap(operation -> operation.getResponses().getAPIResponses().values().stream())
                .map(APIResponse::getContent).filter(Objects::nonNull)
                .map(content -> content.getMediaType(CsvTable.MEDIA_TYPE)).filter(Objects::nonNull)
                .filter(CsvAnswers::isCsvTable)
                .forEach(csv -> csv.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().removeSchema(CSV_TABLE);
        }
    }

    private static boolean isCsvTable(MediaType csv) {
        return csv.getSchema() != null && csv.getSchema().getRef() != null
                && csv.getSchema().getRef().endsWith("/" + CSV_TABLE);
    }
}
