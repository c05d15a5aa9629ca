package vn.motcua.scanner.escl;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reading eSCL XML by local name: devices disagree on prefixes and a few put elements in the other namespace
 * (pwg: vs scan:), so matching on the namespace would reject working scanners.
 */
public final class EsclXml {

    public static final String SCAN_NS = "http://schemas.hp.com/imaging/escl/2011/05/03";
    public static final String PWG_NS = "http://www.pwg.org/schemas/2010/12/sm";

    private EsclXml() {
    }

    /** Parses with DTDs and external entities off (the XML comes from a device on the network). */
    public static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    public static List<Element> all(Node parent, String localName) {
        NodeList nodes = parent instanceof Document document
                ? document.getElementsByTagNameNS("*", localName)
                : ((Element) parent).getElementsByTagNameNS("*", localName);
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    public static Optional<Element> first(Node parent, String localName) {
        List<Element> elements = all(parent, localName);
        return elements.isEmpty() ? Optional.empty() : Optional.of(elements.getFirst());
    }

    public static Optional<String> text(Node parent, String localName) {
        return first(parent, localName).map(element -> element.getTextContent().strip());
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
