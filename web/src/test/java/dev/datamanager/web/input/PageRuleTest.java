package dev.datamanager.web.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.error.InvalidParameterException;
import dev.datamanager.core.paging.Cursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRuleTest {

  @Test
  void limitIsOneTo500AndFiftyWhenNotSent() {
    assertEquals(50, PageRule.limit(null));
    assertEquals(1, PageRule.limit("1"));
    assertEquals(500, PageRule.limit("500"));
    assertEquals(7, PageRule.limit("007"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "501", "-1", "+5", "abc", "", "1e2", "5.0", " 5", "99999999999", "2147483648"})
  void anyOtherLimitIsRefused(String limit) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> PageRule.limit(limit));
    assertTrue(e.getMessage().startsWith("The parameter 'limit' is"), e.getMessage());
  }

  @Test
  void aCursorComesBackAsItWentOutAndOnlyToItsOwnList() {
    String text = PageRule.text(Cursor.of("desc", "17"), "versions");
    assertTrue(text.matches("[A-Za-z0-9_-]+"), "URL-safe without escaping: " + text);
    assertEquals(Cursor.of("desc", "17"), PageRule.cursor(text, "versions"));
    assertThrows(InvalidParameterException.class, () -> PageRule.cursor(text, "audit"));
    assertNull(PageRule.text(null, "versions"), "no next page");
    assertNull(PageRule.cursor(null, "versions"), "the first page");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "!!!", "abc", "bm90IGEgY3Vyc29y", "dmVyc2lvbnM", "_w", "dmVyc2lvbnMKZGVzYwoxNw=="
      + "=extra"})
  void aCursorNotGivenOutIsRefused(String cursor) {
    assertThrows(InvalidParameterException.class, () -> PageRule.cursor(cursor, "versions"));
  }

  @Test
  void aCursorsFieldsAreCheckedByTheListThatReadsThem() {
    Cursor cursor = PageRule.cursor(PageRule.text(Cursor.of("desc", "-5"), "versions"), "versions");
    assertThrows(InvalidParameterException.class, () -> cursor.number(1, 2));
    assertThrows(InvalidParameterException.class, () -> cursor.number(1, 3));
    assertThrows(InvalidParameterException.class, () -> cursor.instant(0, 2));
  }
}
