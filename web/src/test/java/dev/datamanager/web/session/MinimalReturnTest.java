package dev.datamanager.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.core.session.SessionTag;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinimalReturnTest {

  @Test
  void returnMinimalIsFoundAmongPreferencesInAnySpellingRfc7240Allows() {
    assertTrue(MinimalReturn.asked(List.of("return=minimal")));
    assertTrue(MinimalReturn.asked(List.of("Return = \"minimal\"")));
    assertTrue(MinimalReturn.asked(List.of("respond-async, wait=10", "return=minimal; foo=bar")));
    assertTrue(MinimalReturn.asked(List.of("handling=lenient,return=minimal")));
  }

  @Test
  void anyOtherOrNoPreferenceAsksForTheWholeAnswer() {
    assertFalse(MinimalReturn.asked(null));
    assertFalse(MinimalReturn.asked(List.of()));
    assertFalse(MinimalReturn.asked(List.of("return=representation")));
    assertFalse(MinimalReturn.asked(List.of("return=representation, return=minimal")));
    assertFalse(MinimalReturn.asked(List.of("minimal")));
    assertFalse(MinimalReturn.asked(List.of("x-return=minimal")));
  }

  @Test
  void theTagNamesGenerationVersionAndChangeCount() {
    assertEquals("\"7-3-12\"", MinimalReturn.etag(new SessionTag(7, 3, 12)));
  }
}
