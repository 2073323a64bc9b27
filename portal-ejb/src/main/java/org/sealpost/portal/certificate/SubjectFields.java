package org.sealpost.portal.certificate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The subject of a certificate signing request, with the fields a CA asks for: country (two
 * letters), state or province, locality, organisation, organisational unit, common name (the
 * host's fully qualified DNS name) and e-mail address. Only the common name is required.
 */
public record SubjectFields(
        String country,
        String state,
        String locality,
        String organisation,
        String organisationalUnit,
        String commonName,
        String email) {

    /** X.520 upper bound (ub-name etc., RFC 5280 Appendix A) on each text field. */
    private static final int MAX_FIELD = 64;

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** The attribute names of OpenSSL's one-line subject that a CSR may carry. */
    private static final Set<String> ATTRIBUTES = Set.of("C", "ST", "L", "O", "OU", "CN", "emailAddress");

    /**
     * These fields as typed, checked: blank optional fields become {@code null}, the country is
     * upper case and the common name lower case. A form or a parsed subject builds the record
     * from its texts and asks for this; only a checked one goes into a request.
     *
     * @throws CertificateRefusedException naming the first field that is wrong
     */
    public SubjectFields checked() throws CertificateRefusedException {
        String c = blankToNull(country);
        if (c != null) {
            c = c.toUpperCase(Locale.ROOT);
            if (!COUNTRY.matcher(c).matches()) {
                throw new CertificateRefusedException(
                        CertificateProblem.INVALID_COUNTRY, List.of(country.strip()), null);
            }
        }
        String cn = blankToNull(commonName);
        if (cn == null || !DnsNames.isFullyQualified(cn)) {
            throw new CertificateRefusedException(
                    CertificateProblem.INVALID_COMMON_NAME, List.of(cn == null ? "" : cn), null);
        }
        String mail = blankToNull(email);
        if (mail != null && !isEmail(mail)) {
            throw new CertificateRefusedException(CertificateProblem.INVALID_EMAIL, List.of(mail), null);
        }
        SubjectFields fields = new SubjectFields(
                c,
                blankToNull(state),
                blankToNull(locality),
                blankToNull(organisation),
                blankToNull(organisationalUnit),
                cn.toLowerCase(Locale.ROOT),
                mail);
        for (String text :
                new String[] {fields.state, fields.locality, fields.organisation, fields.organisationalUnit}) {
            if (text != null && (text.length() > MAX_FIELD || text.chars().anyMatch(Character::isISOControl))) {
                throw new CertificateRefusedException(CertificateProblem.INVALID_SUBJECT);
            }
        }
        return fields;
    }

    /**
     * Parses OpenSSL's one-line form, {@code /C=DE/ST=Hessen/L=Frankfurt/O=Bank/OU=IT/CN=mail.bank.example/emailAddress=it@bank.example};
     * a slash inside a value is written {@code \/}.
     */
    public static SubjectFields parse(String subject) throws CertificateRefusedException {
        if (subject == null || !subject.startsWith("/")) {
            throw new CertificateRefusedException(CertificateProblem.INVALID_SUBJECT);
        }
        Map<String, String> values = new LinkedHashMap<>();
        StringBuilder part = new StringBuilder();
        for (int i = 1; i <= subject.length(); i++) {
            char ch = i < subject.length() ? subject.charAt(i) : '/';
            if (ch == '\\' && i + 1 < subject.length()) {
                part.append(subject.charAt(++i));
            } else if (ch == '/') {
                int equals = part.indexOf("=");
                if (equals <= 0) {
                    throw new CertificateRefusedException(CertificateProblem.INVALID_SUBJECT);
                }
                String key = part.substring(0, equals).strip();
                if (!ATTRIBUTES.contains(key) || values.put(key, part.substring(equals + 1)) != null) {
                    throw new CertificateRefusedException(CertificateProblem.INVALID_SUBJECT);
                }
                part.setLength(0);
            } else {
                part.append(ch);
            }
        }
        return new SubjectFields(
                        values.get("C"),
                        values.get("ST"),
                        values.get("L"),
                        values.get("O"),
                        values.get("OU"),
                        values.get("CN"),
                        values.get("emailAddress"))
                .checked();
    }

    /** The distinguished name, most significant first (C … CN, emailAddress), as CAs expect it. */
    X500Name toX500Name() {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        Optional.ofNullable(country).ifPresent(v -> name.addRDN(BCStyle.C, v));
        Optional.ofNullable(state).ifPresent(v -> name.addRDN(BCStyle.ST, v));
        Optional.ofNullable(locality).ifPresent(v -> name.addRDN(BCStyle.L, v));
        Optional.ofNullable(organisation).ifPresent(v -> name.addRDN(BCStyle.O, v));
        Optional.ofNullable(organisationalUnit).ifPresent(v -> name.addRDN(BCStyle.OU, v));
        name.addRDN(BCStyle.CN, commonName);
        // PKCS#9 emailAddress, IA5String: the attribute OpenSSL's "emailAddress" means.
        Optional.ofNullable(email).ifPresent(v -> name.addRDN(BCStyle.EmailAddress, v));
        return name.build();
    }

    private static boolean isEmail(String text) {
        int at = text.lastIndexOf('@');
        return at > 0
                && text.length() <= 128
                && text.chars().allMatch(ch -> ch > ' ' && ch < 127)
                && text.indexOf('@') == at
                && DnsNames.isFullyQualified(text.substring(at + 1));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
