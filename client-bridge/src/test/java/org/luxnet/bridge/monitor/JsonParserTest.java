package org.luxnet.bridge.monitor;

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
        String[][] cases = {
            {"", "empty JSON text"},
            {"   ", "empty JSON text"},
            {"{\"a\":1,}", "line 1, column 8: expected a member name in double quotes, found '}'"},
            {"[1,]", "line 1, column 4: expected a value"},
            {"[1 2]", "expected ',' or ']'"},
            {"{\"a\" 1}", "expected ':'"},
            {"{'a':1}", "expected a member name in double quotes, found '''"},
            {"{\"a\":1}x", "expected the end of the text after the value, found 'x'"},
            {"{\"a\":1,\"a\":2}", "duplicate member \"a\""},
            {"01", "leading zeros"},
            {"-", "expected a digit"},
            {"1.", "expected a digit after the decimal point"},
            {"1e", "expected a digit in the exponent"},
            {".5", "expected a value"},
            {"NaN", "expected a value"},
            {"tru", "expected true"},
            {"\"abc", "unterminated string"},
            {"\"a\tb\"", "control characters must be escaped"},
            {"\"\\x\"", "invalid escape sequence"},
            {"\"\\u12g4\"", "expected 4 hexadecimal digits"},
            {"\"\\u\u0663\u0663\u0663\u0663\"", "expected 4 hexadecimal digits"},
            {"1e999", "out of range"},
            {"[1, // no comments\n 2]", "line 1, column 5: expected a value"},
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
        assertTrue(deep.getMessage().contains("nesting deeper than 8 levels"), deep.getMessage());
        JsonException big = assertThrows(JsonException.class, () -> parser.parse("\"" + "x".repeat(5000) + "\""));
        assertTrue(big.getMessage().contains("at most 4096"), big.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new JsonParser(0, 1));
    }
}
