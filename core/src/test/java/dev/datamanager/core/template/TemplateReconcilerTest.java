package dev.datamanager.core.template;

import static dev.datamanager.core.JsonText.object;
import static dev.datamanager.core.JsonText.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateReconcilerTest {

  private static final JsonObject TEMPLATE = object("{'coins':0,'items':[0,0],'banned':false,"
      + "'settings':{'music':true,'volume':0.8,'keys':{'jump':'space'}},'nickname':null}");

  private final TemplateReconciler reconciler = new TemplateReconciler();

  @Test
  void deepTemplateFillsAnEmptyRecordWholeSubtreeAtATime() {
    Reconciliation result = reconciler.reconcile(object("{}"), TEMPLATE);

    assertEquals(TEMPLATE, result.document());
    assertEquals(List.of("/coins", "/items", "/banned", "/settings", "/nickname"), result.filledPaths());
    assertTrue(result.mismatches().isEmpty());
    assertTrue(result.filledAny());
  }

  @Test
  void nestedObjectsAreReconciledMemberByMember() {
    JsonObject stored = object("{'coins':5,'items':[],'banned':true,'nickname':'Zed',"
        + "'settings':{'volume':0.1,'keys':{'crouch':'c'}}}");

    Reconciliation result = reconciler.reconcile(stored, TEMPLATE);

    assertEquals(object("{'coins':5,'items':[],'banned':true,'nickname':'Zed',"
        + "'settings':{'volume':0.1,'keys':{'crouch':'c','jump':'space'},'music':true}}"), result.document());
    assertEquals(List.of("/settings/music", "/settings/keys/jump"), result.filledPaths());
  }

  @Test
  void storedScalarsAndArraysAreNeverOverwrittenOrMerged() {
    JsonObject stored = object("{'coins':250,'items':[7],'banned':true,'nickname':'Zed',"
        + "'settings':{'music':false,'volume':0,'keys':{'jump':'w'}}}");

    Reconciliation result = reconciler.reconcile(stored, TEMPLATE);

    assertEquals(stored, result.document());
    assertEquals(value("[7]"), result.document().get("items"));
    assertFalse(result.filledAny());
    // true in the template and false in the record are the same JSON type.
    assertTrue(result.mismatches().isEmpty());
  }

  @Test
  void typeMismatchIsKeptAsStoredAndReportedWithItsPointer() {
    JsonObject stored = object("{'coins':'lots','items':{'sword':1},'settings':{'music':'loud','keys':5}}");

    Reconciliation result = reconciler.reconcile(stored, TEMPLATE);

    assertEquals("lots", result.document().getString("coins"));
    assertEquals(object("{'sword':1}"), result.document().get("items"));
    assertEquals(object("{'music':'loud','keys':5,'volume':0.8}"), result.document().get("settings"));
    assertEquals(List.of(
        new TypeMismatch("/coins", JsonType.NUMBER, JsonType.STRING),
        new TypeMismatch("/items", JsonType.ARRAY, JsonType.OBJECT),
        new TypeMismatch("/settings/music", JsonType.BOOLEAN, JsonType.STRING),
        new TypeMismatch("/settings/keys", JsonType.OBJECT, JsonType.NUMBER)), result.mismatches());
    assertEquals("/coins: template has number, stored string", result.mismatches().get(0).toString());
  }

  @Test
  void storedNullForATemplateNumberIsAMismatchNotAFill() {
    Reconciliation result = reconciler.reconcile(object("{'coins':null}"), object("{'coins':0}"));

    assertEquals(object("{'coins':null}"), result.document());
    assertEquals(List.of(new TypeMismatch("/coins", JsonType.NUMBER, JsonType.NULL)), result.mismatches());
  }

  @Test
  void templateNullAcceptsAnyStoredType() {
    Reconciliation result = reconciler.reconcile(object("{'nickname':42}"), object("{'nickname':null}"));

    assertTrue(result.mismatches().isEmpty());
    assertEquals(42, result.document().getInt("nickname"));
  }

  @Test
  void resultIsANewObjectAndExtraStoredMembersSurvive() {
    JsonObject stored = object("{'legacy':{'x':1},'coins':3}");

    Reconciliation result = reconciler.reconcile(stored, object("{'coins':0}"));

    assertNotSame(stored, result.document());
    assertEquals(stored, result.document());
    assertEquals(object("{'legacy':{'x':1},'coins':3}"), stored);
  }

  @Test
  void pathsEscapeSlashAndTildeAsRfc6901Says() {
    Reconciliation result = reconciler.reconcile(object("{}"), object("{'a/b':{'c~d':1}}"));

    assertEquals(List.of("/a~1b"), result.filledPaths());
    assertEquals("/a~1b/c~0d", MemberPath.child(MemberPath.child(MemberPath.ROOT, "a/b"), "c~d"));
  }
}
