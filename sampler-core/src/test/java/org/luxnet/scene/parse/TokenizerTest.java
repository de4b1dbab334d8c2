package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

class TokenizerTest {

    private static List<Token> tokens(String text) {
        Tokenizer tz = new Tokenizer("t.lxs", text);
        List<Token> out = new ArrayList<>();
        for (Token t = tz.next(); !t.is(Token.Kind.EOF); t = tz.next()) {
            out.add(t);
        }
        return out;
    }

    @Test
    void everyTokenKnowsItsLineAndColumn() {
        List<Token> t = tokens("# header comment\nShape \"sphere\"  # trailing\n\t\"float radius\" [ 0.5 ]\n");
        assertEquals(6, t.size());
        assertEquals(Token.Kind.IDENT, t.get(0).kind());
        assertEquals("Shape", t.get(0).text());
        assertEquals(new FileLoc("t.lxs", 2, 1), t.get(0).loc());
        assertEquals(Token.Kind.STRING, t.get(1).kind());
        assertEquals("sphere", t.get(1).text());
        assertEquals(new FileLoc("t.lxs", 2, 7), t.get(1).loc());
        assertEquals(new FileLoc("t.lxs", 3, 2), t.get(2).loc());
        assertEquals(Token.Kind.LBRACKET, t.get(3).kind());
        assertEquals(new FileLoc("t.lxs", 3, 17), t.get(3).loc());
        assertEquals(0.5, t.get(4).number());
        assertEquals(new FileLoc("t.lxs", 3, 19), t.get(4).loc());
        assertEquals(Token.Kind.RBRACKET, t.get(5).kind());
    }

    @Test
    void numbersInEveryFormScenesUse() {
        List<Token> t = tokens("1 -2 +3 1.74846e-007 -.5 .25 5. 1E3 -4.37114e-008 0.000000");
        double[] expected = {1, -2, 3, 1.74846e-7, -0.5, 0.25, 5, 1000, -4.37114e-8, 0};
        assertEquals(expected.length, t.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Token.Kind.NUMBER, t.get(i).kind());
            assertEquals(expected[i], t.get(i).number(), 0);
        }
    }

    @Test
    void numberTouchingBracketsAndQuotes() {
        List<Token> t = tokens("[1 2]\"x\"[3]");
        assertEquals(List.of("[", "1", "2", "]", "x", "[", "3", "]"), t.stream().map(Token::text).toList());
    }

    @Test
    void stringEscapesAndWindowsPaths() {
        List<Token> t = tokens("\"a\\\"b\\n\\t\\\\c\" \"C:\\scenes\\wood.png\"");
        assertEquals("a\"b\n\t\\c", t.get(0).text());
        // Unknown escapes stay literal so that Windows paths survive.
        assertEquals("C:\\scenes\\wood.png", t.get(1).text());
    }

    @Test
    void crlfLineEndingsAndByteOrderMark() {
        List<Token> t = tokens("\uFEFFWorldBegin\r\nWorldEnd\r\n");
        assertEquals(new FileLoc("t.lxs", 1, 1), t.get(0).loc());
        assertEquals(new FileLoc("t.lxs", 2, 1), t.get(1).loc());
    }

    @Test
    void bareTrueAndFalseAreBoolWords() {
        List<Token> t = tokens("true false truly");
        assertTrue(t.get(0).isBoolWord());
        assertTrue(t.get(1).isBoolWord());
        assertFalse(t.get(2).isBoolWord());
    }

    @Test
    void unterminatedStringIsReportedAtItsOpeningQuote() {
        SceneException e = assertThrows(SceneException.class, () -> tokens("Shape \"sphere\n\"float radius\" [1]"));
        assertEquals(new FileLoc("t.lxs", 1, 7), e.loc());
        assertTrue(e.getMessage().startsWith("t.lxs:1:7: unterminated string"), e.getMessage());
        SceneException atEof = assertThrows(SceneException.class, () -> tokens("\n  Film \"image"));
        assertEquals(new FileLoc("t.lxs", 2, 8), atEof.loc());
    }

    @Test
    void unexpectedCharacterHasItsExactColumn() {
        SceneException e = assertThrows(SceneException.class, () -> tokens("WorldBegin\n  Shape $sphere"));
        assertEquals(new FileLoc("t.lxs", 2, 9), e.loc());
        assertTrue(e.getMessage().contains("unexpected character '$'"), e.getMessage());
        SceneException ctl = assertThrows(SceneException.class, () -> tokens("a \u0007"));
        assertTrue(ctl.getMessage().contains("U+0007"), ctl.getMessage());
    }

    @Test
    void malformedNumbers() {
        for (String bad : new String[] {"1.2.3", "-", "1e", "1e+", "+.", "12abc", "0x10", "1..2"}) {
            SceneException e = assertThrows(SceneException.class, () -> tokens("Scale 1 " + bad), bad);
            assertEquals(new FileLoc("t.lxs", 1, 9), e.loc(), bad);
            assertTrue(e.getMessage().contains("malformed number '" + bad + "'"), e.getMessage());
        }
        SceneException huge = assertThrows(SceneException.class, () -> tokens("1e999"));
        assertTrue(huge.getMessage().contains("out of range"), huge.getMessage());
    }

    @Test
    void peekDoesNotConsume() {
        Tokenizer tz = new Tokenizer("t.lxs", "A B");
        assertEquals("A", tz.peek().text());
        assertEquals("A", tz.next().text());
        assertEquals("B", tz.next().text());
        assertTrue(tz.next().is(Token.Kind.EOF));
        assertTrue(tz.next().is(Token.Kind.EOF));
    }
}
