package org.luxnet.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static final JsonParser PARSER = new JsonParser(1 << 16, 16);

    @Test
    void writesNestedContainersWithCommasInTheRightPlaces() {
        String s = new JsonWriter().beginObject().name("a").value(1).name("b").beginArray().value("x").value(true)
                .nullValue().beginObject().endObject().endArray().name("c").beginArray().endArray().endObject()
                .toString();
        assertEquals("{\"a\":1,\"b\":[\"x\",true,null,{}],\"c\":[]}", s);
    }

    @Test
    void numbersThatJsonCannotHoldBecomeNullAndIntegralDoublesLoseTheirFraction() throws Exception {
        String s = new JsonWriter().beginArray().value(Double.NaN).value(Double.POSITIVE_INFINITY).value(2.0)
                .value(0.25).value(-3e20).value(Long.MIN_VALUE).endArray().toString();
        assertEquals("[null,null,2,0.25,-3.0E20," + Long.MIN_VALUE + "]", s);
        assertEquals(List.of(2L, 0.25, -3e20, Long.MIN_VALUE), ((List<?>) PARSER.parse(s)).subList(2, 6));
    }

    @Test
    void escapesEverythingAStrictParserRejectsAndRoundTrips() throws Exception {
        String nasty = "q\"b\\s/\n\r\t\b\f\u0001\u001f\u2028\u2029 é 😀 \ud800x \udc00";
        String s = new JsonWriter().beginObject().name(nasty).value(nasty).endObject().toString();
        assertEquals(-1, s.indexOf('\n'));
        assertEquals(-1, s.indexOf('\u2028'));
        assertEquals(true, s.contains("\\ud800x") && s.contains("\\udc00") && s.contains("😀"), s);
        String name = nasty.replace("\ud800x \udc00", "");
        assertEquals(Map.of(name, nasty), PARSER.parse(s.replaceFirst(Pattern.quote("\\ud800x \\udc00"), "")),
                "lone surrogates round-trip in values (the name, written first, loses them)");
        JsonException e = assertThrows(JsonException.class, () -> PARSER.parse(s),
                "jackson-core refuses lone surrogates in member names");
        assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
    }

    @Test
    void misuseFailsInsteadOfWritingBrokenJson() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().value(1));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().name("x"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().name("a").name("b"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().name("a").endObject());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().endObject());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().toString());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().toString());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().value(1).value(2));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().endArray().beginArray());
        assertEquals("\"x\"", new JsonWriter().value("x").toString());
    }
}
