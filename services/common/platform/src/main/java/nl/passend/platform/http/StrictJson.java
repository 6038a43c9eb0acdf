package nl.passend.platform.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are read strictly, in every service and the gateway (this customizes the ObjectMapper
 * Quarkus's REST layer reads bodies with): what leniency would record as something else than was meant
 * is refused with 400. No scalar is coerced: a number or boolean for a text field (12345 would become
 * "12345"), a string for a number or boolean ("3", "true"), 1 for true, 1.0 for a whole number, and a
 * number for a code (2 would be LEVEL_3). A property the request does not have is refused too, each one
 * named ({@link UnknownProperties}): a vendor's typo would lose data otherwise. Events ({@code EventJson})
 * and the gateway's reads of the services' answers have mappers of their own and stay tolerant.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    @SuppressWarnings("deprecation") // the mapper is built already; MapperFeature can only be set this way
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.addHandler(new UnknownProperties.Collector());
    }
}
