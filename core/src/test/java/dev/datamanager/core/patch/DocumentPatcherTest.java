package dev.datamanager.core.patch;

import static dev.datamanager.core.JsonText.object;
import static dev.datamanager.core.JsonText.value;
import static dev.datamanager.core.patch.PatchFormat.JSON_PATCH;
import static dev.datamanager.core.patch.PatchFormat.MERGE_PATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.error.InvalidPatchException;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentPatcherTest {

  private static final JsonObject TEMPLATE =
      object("{'coins':0,'items':[],'settings':{'music':true,'keys':{'jump':'space'}},'nickname':null}");
  private static final String DOCUMENT_TEXT =
      "{'coins':10,'items':['sword'],'settings':{'music':false,'keys':{'jump':'w'}},'nickname':null}";

  private final JsonObject document = object(DOCUMENT_TEXT);
  private final DocumentPatcher patcher = new DocumentPatcher(4_194_304);

  private JsonObject apply(PatchFormat format, String patch) {
    return patcher.apply(document, TEMPLATE, format, value(patch));
  }

  @Test
  void mergePatchChangesMembersAndKeepsTheRest() {
    JsonObject patched = apply(MERGE_PATCH, "{'coins':25,'settings':{'keys':{'jump':'x'}},'title':'Hero'}");

    assertEquals(object("{'coins':25,'items':['sword'],'settings':{'music':false,'keys':{'jump':'x'}},"
        + "'nickname':null,'title':'Hero'}"), patched);
  }

  @Test
  void jsonPatchAppendsToAnArray() {
    JsonObject patched = apply(JSON_PATCH, "[{'op':'add','path':'/items/-','value':'shield'},"
        + "{'op':'replace','path':'/coins','value':11}]");

    assertEquals(value("['sword','shield']"), patched.get("items"));
    assertEquals(11, patched.getInt("coins"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "MERGE_PATCH | {'coins':'ten'}                                       | /coins          | number",
      "JSON_PATCH  | [{'op':'replace','path':'/coins','value':'ten'}]      | /coins          | number",
      "JSON_PATCH  | [{'op':'replace','path':'/coins','value':null}]       | /coins          | number",
      "MERGE_PATCH | {'items':{'sword':1}}                                 | /items          | array",
      "MERGE_PATCH | {'settings':{'music':'on'}}                           | /settings/music | boolean",
      "JSON_PATCH  | [{'op':'replace','path':'/settings/keys','value':[]}] | /settings/keys  | object",
      "MERGE_PATCH | {'settings':{'keys':{'jump':7}}}                      | /settings/keys/jump | string"})
  void aPatchThatChangesATemplateTypeIsRefusedAndNamesTheFix(PatchFormat format, String patch, String path,
      String expected) {
    InvalidPatchException e = assertThrows(InvalidPatchException.class, () -> apply(format, patch));

    assertEquals(path, e.path());
    assertTrue(e.getMessage().contains(path + " must stay a " + expected), e.getMessage());
    assertEquals(object(DOCUMENT_TEXT), document, "a refused patch leaves the document as it was");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "MERGE_PATCH | {'coins':null}                           | /coins",
      "JSON_PATCH  | [{'op':'remove','path':'/coins'}]        | /coins",
      "MERGE_PATCH | {'settings':{'keys':null}}               | /settings/keys",
      "JSON_PATCH  | [{'op':'remove','path':'/settings/music'}] | /settings/music",
      "JSON_PATCH  | [{'op':'replace','path':'/settings','value':{}}] | /settings/music"})
  void aPatchThatRemovesATemplateMemberIsRefused(PatchFormat format, String patch, String path) {
    InvalidPatchException e = assertThrows(InvalidPatchException.class, () -> apply(format, patch));

    assertEquals(path, e.path());
    assertTrue(e.getMessage().contains("cannot be removed"), e.getMessage());
    assertEquals(object(DOCUMENT_TEXT), document);
  }

  @Test
  void membersOutsideTheTemplateOrWithATemplateNullTakeAnyType() {
    JsonObject patched = apply(MERGE_PATCH, "{'nickname':{'first':'Zed'},'pet':'cat'}");
    JsonObject unpetted = patcher.apply(patched, TEMPLATE, JSON_PATCH,
        value("[{'op':'remove','path':'/pet'},{'op':'remove','path':'/nickname'}]"));

    assertEquals(object("{'first':'Zed'}"), patched.get("nickname"));
    assertNull(unpetted.get("pet"));
    assertNull(unpetted.get("nickname"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "MERGE_PATCH | 5",
      "MERGE_PATCH | null",
      "JSON_PATCH  | [{'op':'replace','path':'','value':[1]}]"})
  void aPatchThatReplacesTheWholeDocumentWithANonObjectIsRefused(PatchFormat format, String patch) {
    InvalidPatchException e = assertThrows(InvalidPatchException.class, () -> apply(format, patch));

    assertEquals("", e.path());
    assertTrue(e.getMessage().contains("always a JSON object"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'op':'add','path':'/items/-','value':1}",
      "[{'op':'test','path':'/coins','value':99},{'op':'replace','path':'/coins','value':0}]",
      "[{'op':'replace','path':'/missing/deep','value':1}]",
      "[{'op':'teleport','path':'/coins'}]",
      "[{'path':'/coins','value':1}]",
      "[42]"})
  void aJsonPatchJsonPCannotApplyIsAnInvalidPatch(String patch) {
    InvalidPatchException e = assertThrows(InvalidPatchException.class, () -> apply(JSON_PATCH, patch));

    assertTrue(e.getMessage().contains("JSON Patch"), e.getMessage());
    assertEquals(object(DOCUMENT_TEXT), document);
  }

  /** JSON-P throws NullPointerException or ClassCastException on these; each must be a 422 naming the fault. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[{'op':'add','path':null,'value':1}]                       | 0 (add) has no \"path\"",
      "[{'op':'add','path':5,'value':1}]                          | 0 (add) has no \"path\"",
      "[{'op':'replace','value':1}]                               | 0 (replace) has no \"path\"",
      "[{'op':'test','path':'/coins','value':10},{'op':'move','path':'/x'}] | 1 (move) has no \"from\"",
      "[{'op':'copy','from':null,'path':'/x'}]                    | 0 (copy) has no \"from\"",
      "[{'op':'move','from':['/coins'],'path':'/x'}]              | 0 (move) has no \"from\"",
      "[{'op':'add','path':'/x'}]                                 | 0 (add) has no \"value\"",
      "[{'op':null,'path':'/coins'}]                              | 0 has no \"op\"",
      "[{'op':7,'path':'/coins'}]                                 | 0 has no \"op\"",
      "[{'op':'remove','path':'/coins'},'remove']                 | 1 is a JSON string"})
  void aMalformedOperationIsAnInvalidPatchThatNamesIt(String patch, String fault) {
    InvalidPatchException e = assertThrows(InvalidPatchException.class, () -> apply(JSON_PATCH, patch));

    assertTrue(e.getMessage().startsWith("Operation " + fault.replaceFirst(" ", " of the JSON Patch ")),
        e.getMessage());
    assertEquals(object(DOCUMENT_TEXT), document);
  }

  @Test
  void aMemberAlreadyOffTemplateDoesNotBlockOtherPatchesButCannotChangeToAnotherWrongType() {
    JsonObject legacy = object("{'coins':'lots','items':[],'settings':{'music':true,'keys':{'jump':'w'}}}");

    JsonObject patched = patcher.apply(legacy, TEMPLATE, MERGE_PATCH, value("{'items':['bow']}"));
    assertEquals("lots", patched.getString("coins"));

    assertThrows(InvalidPatchException.class,
        () -> patcher.apply(legacy, TEMPLATE, MERGE_PATCH, value("{'coins':'more'}")));
    assertEquals(3, patcher.apply(legacy, TEMPLATE, MERGE_PATCH, value("{'coins':3}")).getInt("coins"));
  }
}
