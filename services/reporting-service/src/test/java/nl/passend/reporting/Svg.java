package nl.passend.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Reads the dashboard's SVG charts with an XML parser, for the tests of the page and of the endpoint. */
public final class Svg {

    private Svg() {
    }

    private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);

    /** Every {@code <svg>} of the page parsed as XML (which fails on anything not well-formed), by id. */
    public static Map<String, Document> svgs(String page) {
        Map<String, Document> svgs = new LinkedHashMap<>();
        Matcher m = SVG.matcher(page);
        while (m.find()) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(m.group())));
                assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
                svgs.put(doc.getDocumentElement().getAttribute("id"), doc);
            } catch (Exception e) {
                throw new AssertionError("not well-formed: " + m.group(), e);
            }
        }
        return svgs;
    }

    /** The drawn data points: elements with class {@code mark}. */
    public static List<Element> marks(Document svg) {
        List<Element> marks = new ArrayList<>();
        NodeList all = svg.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split("\\s+")).contains("mark")) {
                marks.add(e);
            }
        }
        return marks;
    }

    public static Element byId(Document svg, String id) {
        NodeList all = svg.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    public static List<String> texts(Document svg, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
