package org.luxnet.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonParserTest {
    private final JsonParser parser = new JsonParser(4096, 8);

    @Test
    void parsesEveryKindOfValue() throws Exception {
        Object v = parser.parse(" {\"host\": \"render-2\", \"port\": 10001, \"w\": -0.5e1, \"ok\": true, \"no\": false,"
                + " \"n\": null, \"list\": [1, \"\\u00e9\\n\\/\", {}], \"big\": 123456789012345678901234567890}\n");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("host", "render-2");
        expected.put("port", 10001L);
        expected.put("w", -5.0);
        expected.put("ok", true);
        expected.put("no", false);
        expected.put("n", null);
        expected.put("list", Arrays.asList(1L, "é\n/", Map.of()));
        expected.put("big", 1.2345678901234568e29);
        assertEquals(expected, v);
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(((Map<?, ?>) v).keySet()), "member order kept");
        assertNull(parser.parse("null"));
        assertEquals(List.of(), parser.parse("[ ]"));
        assertEquals("\ud83d\ude00", parser.parse("\"\\ud83d\\ude00\""), "surrogate pair escapes");
    }

    @Test
    void rejectsWhatTheGrammarDoesNotAllowNamingThePlace() {
        // Jackson's own wording after the "line L, column C: " prefix; what is refused, and where, is checked.
        String[][] cases = {
            {"", "empty JSON text"},
            {"   ", "empty JSON text"},
            {"{\"a\":1,}", "line 1, column 8: Unexpected character ('}'"},
            {"[1,]", "line 1, column 4: Unexpected character (']'"},
            {"[1 2]", "line 1, column 4: Unexpected character ('2' (code 50)): was expecting comma"},
            {"{\"a\" 1}", "was expecting a colon"},
            {"{'a':1}", "line 1, column 2: Unexpected character ('''"},
            {"{\"a\":1}x", "line 1, column 8: Unrecognized token 'x'"},
            {"{\"a\":1} {\"b\":2}", "line 1, column 9: expected the end of the text after the value"},
            {"[1]]", "no open Array to close"},
            {"{\"a\":1,\"a\":2}", "Duplicate Object property \"a\""},
            {"01", "Leading zeroes not allowed"},
            {"-", "No digit following sign"},
            {"1.", "Decimal point not followed by a digit"},
            {"1e", "expected a digit for number exponent"},
            {".5", "line 1, column 1: Unexpected character ('.'"},
            {"NaN", "Non-standard token 'NaN'"},
            {"tru", "Unrecognized token 'tru'"},
            {"\"abc", "was expecting closing quote"},
            {"\"a\tb\"", "has to be escaped"},
            {"\"\\x\"", "Unrecognized character escape 'x'"},
            {"\"\\u12g4\"", "expected a hex-digit"},
            {"\"\\u\u0663\u0663\u0663\u0663\"", "expected a hex-digit"},
            {"1e999", "line 1, column 1: number 1e999 is out of range"},
            {"[1, // no comments\n 2]", "line 1, column 5: Unexpected character ('/'"},
            {"{\n  \"a\": [1,\n   }", "line 3, column 4"},
        };
        for (String[] c : cases) {
            JsonException e = assertThrows(JsonException.class, () -> parser.parse(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void sizeAndDepthAreBoundedSoHostileInputIsCheap() throws Exception {
        assertEquals(List.of(List.of(List.of(List.of(List.of(List.of(List.of(List.of()))))))),
                parser.parse("[[[[[[[[]]]]]]]]"));
        JsonException deep = assertThrows(JsonException.class, () -> parser.parse("[".repeat(4000)));
        assertTrue(deep.getMessage().startsWith("line 1, column 10: Document nesting depth (9) exceeds the maximum allowed (8"),
                deep.getMessage());
        JsonException longNumber = assertThrows(JsonException.class, () -> parser.parse("1".repeat(200)));
        assertTrue(longNumber.getMessage().contains("Number value length (200) exceeds the maximum allowed (100"),
                longNumber.getMessage());
        JsonException big = assertThrows(JsonException.class, () -> parser.parse("\"" + "x".repeat(5000) + "\""));
        assertTrue(big.getMessage().contains("at most 4096"), big.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new JsonParser(0, 1));
    }
}
