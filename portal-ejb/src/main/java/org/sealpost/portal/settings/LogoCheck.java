package org.sealpost.portal.settings;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Checks an uploaded logo before it is stored, because it is shown on every page of the portal
 * and in the mails: at most {@value #MAX_BYTES} bytes, and then either
 * <ul>
 * <li><b>PNG</b>: the signature, a size from the header (at most {@value #MAX_SIDE} pixels a
 * side, checked before decoding, so a small file cannot claim gigabytes of pixels), then decoded
 * and re-encoded: what is stored is the pixels, never the uploaded chunks (text, unknown or
 * polyglot content); or</li>
 * <li><b>SVG</b>: parsed as XML with DTDs refused (no entities, no external anything: the
 * OWASP XML External Entity Prevention Cheat Sheet's settings), then walked against an
 * allow-list of SVG shape, text and paint elements and presentation attributes. Scripts,
 * {@code foreignObject}, images, links, animations, style sheets, event handlers ({@code on…})
 * and every reference outside the document ({@code href} or {@code url()} not starting with
 * {@code #}) are refused, naming what was found. Editor metadata in other namespaces
 * (Inkscape's, RDF) is dropped. What is stored is the tree written out again, not the upload.</li>
 * </ul>
 * There is no maintained Java SVG sanitiser (the OWASP HTML sanitiser knows no SVG), so this is
 * a strict allow-list; the portal also serves the logo with a CSP that forbids scripts and
 * shows it only through {@code <img>}, where browsers run none (defence in depth).
 */
public final class LogoCheck {

    public static final int MAX_BYTES = 200 * 1024;
    public static final int MAX_SIDE = 2048;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";

    private static final Set<String> ELEMENTS = Set.of(
            "svg",
            "g",
            "path",
            "rect",
            "circle",
            "ellipse",
            "line",
            "polyline",
            "polygon",
            "text",
            "tspan",
            "title",
            "desc",
            "defs",
            "lineargradient",
            "radialgradient",
            "stop",
            "clippath",
            "mask",
            "symbol",
            "use");

    private static final Set<String> ATTRIBUTES = Set.of(
            "id",
            "class",
            "d",
            "x",
            "y",
            "x1",
            "y1",
            "x2",
            "y2",
            "cx",
            "cy",
            "r",
            "rx",
            "ry",
            "fx",
            "fy",
            "width",
            "height",
            "viewbox",
            "preserveaspectratio",
            "points",
            "fill",
            "fill-opacity",
            "fill-rule",
            "stroke",
            "stroke-width",
            "stroke-linecap",
            "stroke-linejoin",
            "stroke-miterlimit",
            "stroke-dasharray",
            "stroke-dashoffset",
            "stroke-opacity",
            "opacity",
            "transform",
            "offset",
            "stop-color",
            "stop-opacity",
            "gradientunits",
            "gradienttransform",
            "spreadmethod",
            "clip-path",
            "clip-rule",
            "clippathunits",
            "mask",
            "maskunits",
            "maskcontentunits",
            "font-family",
            "font-size",
            "font-weight",
            "font-style",
            "text-anchor",
            "dominant-baseline",
            "letter-spacing",
            "word-spacing",
            "dx",
            "dy",
            "version",
            "style",
            "href",
            "role",
            "aria-label",
            "aria-hidden",
            "color",
            "display",
            "visibility",
            "vector-effect",
            "shape-rendering");

    /** {@code url(...)} anywhere in a value; only {@code url(#id)} stays inside the document. */
    private static final Pattern URL =
            Pattern.compile("url\\s*\\(\\s*['\"]?\\s*([^'\")\\s]*)", Pattern.CASE_INSENSITIVE);

    private LogoCheck() {}

    /**
     * @throws SettingsRefusedException too large, not PNG or SVG, undecodable, or an SVG with
     *                                  something outside the allow-list (named)
     */
    public static LogoImage check(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new SettingsRefusedException(SettingsProblem.LOGO_NOT_AN_IMAGE, "");
        }
        if (upload.length > MAX_BYTES) {
            throw new SettingsRefusedException(SettingsProblem.LOGO_TOO_LARGE, Integer.toString(upload.length));
        }
        if (startsWith(upload, PNG_SIGNATURE)) {
            return png(upload);
        }
        if (looksLikeXml(upload)) {
            return svg(upload);
        }
        throw new SettingsRefusedException(SettingsProblem.LOGO_NOT_AN_IMAGE, "");
    }

    private static LogoImage png(byte[] upload) {
        // IHDR is the first chunk (PNG spec §5.6): length 13, "IHDR", width, height (big-endian).
        if (upload.length < 33 || !new String(upload, 12, 4, StandardCharsets.US_ASCII).equals("IHDR")) {
            throw new SettingsRefusedException(SettingsProblem.LOGO_PNG_UNREADABLE, "");
        }
        long width = readInt(upload, 16);
        long height = readInt(upload, 20);
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new SettingsRefusedException(SettingsProblem.LOGO_PNG_TOO_MANY_PIXELS, width + " × " + height);
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(upload));
        } catch (IOException | RuntimeException e) {
            throw new SettingsRefusedException(SettingsProblem.LOGO_PNG_UNREADABLE, "");
        }
        if (image == null) {
            throw new SettingsRefusedException(SettingsProblem.LOGO_PNG_UNREADABLE, "");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new SettingsRefusedException(SettingsProblem.LOGO_PNG_UNREADABLE, "");
        }
        if (out.size() > MAX_BYTES) {
            throw new SettingsRefusedException(SettingsProblem.LOGO_TOO_LARGE, Integer.toString(out.size()));
        }
        return new LogoImage(LogoImage.PNG, out.toByteArray());
    }

    private static LogoImage svg(byte[] upload) {
        Document document;
        try {
            document = secureBuilder().parse(new ByteArrayInputStream(upload));
        } catch (SAXException | IOException e) {
            throw new SettingsRefusedException(SettingsProblem.LOGO_SVG_UNREADABLE, "");
        }
        Element root = document.getDocumentElement();
        if (!SVG_NS.equals(root.getNamespaceURI()) || !"svg".equals(root.getLocalName())) {
            throw new SettingsRefusedException(SettingsProblem.LOGO_NOT_AN_IMAGE, "");
        }
        clean(root);
        return new LogoImage(LogoImage.SVG, write(document));
    }

    private static void clean(Element element) {
        String name = element.getLocalName().toLowerCase(Locale.ROOT);
        if (!ELEMENTS.contains(name)) {
            throw new SettingsRefusedException(
                    SettingsProblem.LOGO_SVG_FORBIDDEN_ELEMENT, "<" + element.getLocalName() + ">");
        }
        NamedNodeMap attributes = element.getAttributes();
        List<Attr> drop = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String ns = attribute.getNamespaceURI();
            String local = (attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName())
                    .toLowerCase(Locale.ROOT);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns)) {
                continue;
            }
            if (ns != null && !XLINK_NS.equals(ns) && !XMLConstants.XML_NS_URI.equals(ns)) {
                drop.add(attribute); // editor metadata (sodipodi:, inkscape:)
                continue;
            }
            if (local.startsWith("on")) {
                throw new SettingsRefusedException(SettingsProblem.LOGO_SVG_FORBIDDEN_ATTRIBUTE, attribute.getName());
            }
            if (XMLConstants.XML_NS_URI.equals(ns)) {
                continue; // xml:space, xml:lang
            }
            if (!ATTRIBUTES.contains(local)) {
                throw new SettingsRefusedException(SettingsProblem.LOGO_SVG_FORBIDDEN_ATTRIBUTE, attribute.getName());
            }
            checkReferences(attribute, local);
        }
        drop.forEach(element::removeAttributeNode);
        List<Node> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            children.add(child);
        }
        for (Node child : children) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    if (SVG_NS.equals(child.getNamespaceURI())) {
                        if ("metadata".equals(child.getLocalName())) {
                            element.removeChild(child);
                        } else {
                            clean((Element) child);
                        }
                    } else {
                        element.removeChild(child); // sodipodi:namedview, rdf:RDF
                    }
                }
                case Node.TEXT_NODE -> {
                    // text of <text>, <title>: fine
                }
                case Node.CDATA_SECTION_NODE, Node.PROCESSING_INSTRUCTION_NODE, Node.COMMENT_NODE ->
                    element.removeChild(child);
                default -> throw new SettingsRefusedException(SettingsProblem.LOGO_SVG_UNREADABLE, "");
            }
        }
    }

    private static void checkReferences(Attr attribute, String local) {
        String value = attribute.getValue().strip();
        if (local.equals("href") && !value.startsWith("#")) {
            throw new SettingsRefusedException(
                    SettingsProblem.LOGO_SVG_EXTERNAL_REFERENCE, attribute.getName() + "=\"" + value + "\"");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (local.equals("style")
                && (lower.contains("@")
                        || lower.contains("\\")
                        || lower.contains("expression")
                        || lower.contains("javascript:")
                        || lower.contains("behavior"))) {
            throw new SettingsRefusedException(SettingsProblem.LOGO_SVG_FORBIDDEN_ATTRIBUTE, "style=\"" + value + "\"");
        }
        Matcher url = URL.matcher(value);
        while (url.find()) {
            if (!url.group(1).startsWith("#")) {
                throw new SettingsRefusedException(
                        SettingsProblem.LOGO_SVG_EXTERNAL_REFERENCE, attribute.getName() + "=\"" + value + "\"");
            }
        }
    }

    /** The OWASP XXE cheat sheet's settings for DocumentBuilderFactory: no DTD at all. */
    private static DocumentBuilder secureBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    private static byte[] write(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_BYTES) {
                throw new SettingsRefusedException(SettingsProblem.LOGO_TOO_LARGE, Integer.toString(bytes.length));
            }
            return bytes;
        } catch (TransformerException e) {
            throw new SettingsRefusedException(SettingsProblem.LOGO_SVG_UNREADABLE, "");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** An SVG file starts, after an optional BOM and white space, with "<" (declaration, comment or svg). */
    private static boolean looksLikeXml(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
                ? 3
                : 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<';
    }

    private static long readInt(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24)
                | ((b[at + 1] & 0xff) << 16)
                | ((b[at + 2] & 0xff) << 8)
                | (b[at + 3] & 0xff);
    }
}
