package org.sealpost.mailformat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sealpost.mailformat.MimeProblem;
import org.sealpost.mailformat.MimeProblem.Kind;

class ContentHeaderTest {

    private final Problems problems = new Problems();

    @Test
    void readsTypeAndQuotedOrTokenParameters() {
        ContentHeader header = parse("Text/HTML ; charset=\"UTF-8\"; format=flowed");

        assertThat(header.value()).isEqualTo("text/html");
        assertThat(header.parameter("charset")).isEqualTo("UTF-8");
        assertThat(header.parameter("FORMAT")).isEqualTo("flowed");
        assertThat(problems.toList()).isEmpty();
    }

    @Test
    void rfc2231ExtendedValueIsDecodedWithItsCharset() {
        assertThat(parse("attachment; filename*=UTF-8'de'Pr%C3%BCfbericht%20Q3.pdf")
                        .parameter("filename"))
                .isEqualTo("Prüfbericht Q3.pdf");
        assertThat(parse("attachment; filename*=iso-8859-1''%E9t%E9.txt").parameter("filename"))
                .isEqualTo("été.txt");
    }

    @Test
    void rfc2231ContinuationsAreJoinedInIndexOrderBeforeDecoding() {
        ContentHeader header = parse(
                "attachment; filename*1*=%BC%C3%9Fe.txt; filename*0*=UTF-8''Gr%C3;" + " filename=\"fallback.txt\"");

        assertThat(header.parameter("filename")).isEqualTo("Grüße.txt");
        assertThat(problems.toList()).isEmpty();
    }

    @Test
    void rfc2047EncodedParameterValueIsDecoded() {
        assertThat(parse("application/pdf; name=\"=?UTF-8?B?w5xiZXJzaWNodC5wZGY=?=\"")
                        .parameter("name"))
                .isEqualTo("Übersicht.pdf");
    }

    @Test
    void unquotedValuesWithSpacesAndParenthesesAreKept() {
        assertThat(parse("attachment; filename=my report (final).pdf").parameter("filename"))
                .isEqualTo("my report (final).pdf");
    }

    @Test
    void damageIsReportedAndTheRestKept() {
        ContentHeader header = parse("attachment; filename*=UTF-8''bad%zzname.txt; size; name=\"open");

        assertThat(header.parameter("filename")).isEqualTo("bad%zzname.txt");
        assertThat(header.parameter("name")).isEqualTo("open");
        assertThat(problems.toList())
                .extracting(MimeProblem::kind)
                .containsExactly(Kind.MALFORMED_CONTENT_TYPE, Kind.UNDECODABLE_HEADER_ENCODING);
    }

    private ContentHeader parse(String value) {
        return ContentHeader.parse(value, "part 1 Content-Disposition", problems);
    }
}
