package dev.perfdesk.importers.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** Jackson's complaints reach users in words, without character codes, token lists or source excerpts. */
class JsonErrorsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String describe(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(json));
        String words = JsonErrors.describe(e);
        assertFalse(words.contains("(code") || words.contains("Source:") || words.contains("token 'null'")
                || words.contains("\n"), words);
        return words;
    }

    @Test
    void translatesTheCommonComplaints() {
        assertEquals("unexpected character '@' where a value (string, number, array, object, true, false or null) "
                + "was expected", describe("[@]"));
        assertEquals("unexpected character '@'; expected a comma or '}' after an object entry",
                describe("{\"a\": 1 @}"));
        assertEquals("unexpected character '@'; expected a comma or ']' after an array element", describe("[1 @]"));
        assertEquals("unexpected character '@'; expected a field name in double quotes", describe("{@}"));
        assertEquals("unexpected character '@'; expected ':' after a field name", describe("{\"a\" @}"));
        assertEquals("unexpected word 'xyz' where a value (string, number, array, object, true, false or null) was "
                + "expected", describe("[xyz]"));
        assertEquals("the JSON ends early; the file looks truncated", describe("{\"a\": [1, 2"));
        assertEquals("control character 10 inside a string, where it must be escaped with a backslash",
                describe("[\"a\nb\"]"));
        assertEquals("']' where '}' closes the open object", describe("{\"a\": 1]"));
    }

    @Test
    void translatesJacksonsLimits() {
        String deep = "[".repeat(1200) + "]".repeat(1200);
        assertEquals("arrays and objects nested 1001 deep; deeper than 1000 is not read", describe(deep));
        String longNumber = "[" + "9".repeat(2000) + "]";
        String words = describe(longNumber);
        assertTrue(words.startsWith("a number of ") && words.endsWith(" is not read"), words);
    }
}
