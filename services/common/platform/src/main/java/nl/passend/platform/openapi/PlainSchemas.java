package nl.passend.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Keeps the contract's schemas plain for client generators. SmallRye names a component after every Java
 * type it meets, so {@code UUID}, {@code Instant} and {@code LocalDate} became schemas of their own (a
 * generated Java client then has a model class {@code LocalDate} beside {@code java.time.LocalDate}): a
 * component that is a single string, number or boolean without an enumeration is written out where it is
 * used. And a {@code $ref} carries no {@code type} beside it, which generators drop with a warning.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class PlainSchemas implements OASFilter {

    private static final String COMPONENT = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        Map<String, Schema> named = components == null || components.getSchemas() == null ? Map.of()
                : Map.copyOf(components.getSchemas());
        Map<String, Schema> scalars = new HashMap<>();
        named.forEach((name, schema) -> {
            if (isScalar(schema)) {
                scalars.put(name, schema);
            }
        });
        Consumer<Schema> plain = schema -> plain(schema, scalars);
        named.values().forEach(schema -> visit(schema, plain));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem path : openAPI.getPaths().getPathItems().values()) {
                path.getOperations().values().forEach(operation -> visit(operation, plain));
            }
        }
        scalars.keySet().forEach(components::removeSchema);
    }

    private static boolean isScalar(Schema schema) {
        List<Schema.SchemaType> type = schema.getType();
        return schema.getRef() == null && type != null && type.size() == 1 && schema.getEnumeration() == null
                && schema.getProperties() == null && type.get(0) != Schema.SchemaType.OBJECT
                && type.get(0) != Schema.SchemaType.ARRAY;
    }

    /** Writes a scalar component out in place of its reference, and drops a type beside a reference. */
    private static void plain(Schema schema, Map<String, Schema> scalars) {
        String ref = schema.getRef();
        if (ref == null) {
            return;
        }
        Schema scalar = ref.startsWith(COMPONENT) ? scalars.get(ref.substring(COMPONENT.length())) : null;
        if (scalar == null) {
            schema.setType(null);
            return;
        }
        schema.setRef(null);
        scalar.getAll().forEach((key, value) -> {
            if (schema.get(key) == null) {
                schema.set(key, value);
            }
        });
    }

    private static void visit(Operation operation, Consumer<Schema> action) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> visit(p.getSchema(), action));
        }
        if (operation.getRequestBody() != null) {
            visit(operation.getRequestBody().getContent(), action);
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(r -> visit(r.getContent(), action));
        }
    }

    private static void visit(Content content, Consumer<Schema> action) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> visit(m.getSchema(), action));
        }
    }

    private static void visit(Schema schema, Consumer<Schema> action) {
        if (schema == null) {
            return;
        }
        action.accept(schema);
        List<Schema> children = new ArrayList<>();
        add(children, schema.getProperties() == null ? null : schema.getProperties().values());
        children.add(schema.getItems());
        children.add(schema.getAdditionalPropertiesSchema());
        children.add(schema.getNot());
        add(children, schema.getAllOf());
        add(children, schema.getAnyOf());
        add(children, schema.getOneOf());
        children.stream().filter(Objects::nonNull).forEach(child -> visit(child, action));
    }

    private static void add(List<Schema> children, Collection<Schema> more) {
        if (more != null) {
            children.addAll(more);
        }
    }
}
