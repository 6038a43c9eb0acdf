package nl.passend.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.passend.platform.problem.Problems;

/**
 * A request body with properties its request does not have is refused with one 400 unknown-property that
 * names each of them, not only the first. While a body is read, the {@link Collector} notes every unknown
 * property with its path and skips its value; after reading, this interceptor refuses the body if it
 * noted any. Outside a body's reading the mapper fails on the first unknown property, as configured.
 */
@Provider
public class UnknownProperties implements ReaderInterceptor {

    private static final ThreadLocal<List<String>> FOUND = new ThreadLocal<>();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        List<String> outer = FOUND.get();
        List<String> found = new ArrayList<>();
        FOUND.set(found);
        try {
            Object body = context.proceed();
            if (!found.isEmpty()) {
                throw Problems.unknownProperties(found);
            }
            return body;
        } finally {
            FOUND.set(outer);
        }
    }

    /** Notes an unknown property while a body is read; fails as usual otherwise. */
    static final class Collector extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws IOException {
            List<String> found = FOUND.get();
            if (found == null) {
                return false;
            }
            String object = path(objectLocation(ctxt, p));
            found.add(object.isEmpty() ? propertyName : object + "." + propertyName);
            p.skipChildren();
            return true;
        }

        /**
         * The context whose current name or index is the object that has the property. A record's unknown
         * properties are buffered and handled once the object has been read: the body's own parser is then
         * just past the object, in that context. Otherwise the parser is at the property's value.
         */
        private static JsonStreamContext objectLocation(DeserializationContext ctxt, JsonParser p) {
            if (p != ctxt.getParser()) {
                return ctxt.getParser().getParsingContext();
            }
            JsonStreamContext object = p.getParsingContext();
            if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
                object = object.getParent();
            }
            return object.getParent();
        }

        /** {@code pupils[500].birthDate}: names joined by '.', list positions in brackets. */
        private static String path(JsonStreamContext context) {
            if (context == null || context.inRoot()) {
                return "";
            }
            String parent = path(context.getParent());
            if (context.inArray()) {
                return parent + "[" + context.getCurrentIndex() + "]";
            }
            return (parent.isEmpty() ? "" : parent + ".") + context.getCurrentName();
        }
    }
}
