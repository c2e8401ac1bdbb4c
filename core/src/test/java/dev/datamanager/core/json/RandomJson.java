package dev.datamanager.core.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.Random;

/** Random Parsson documents: every JSON type, tricky text, numbers of every scale, small and wide objects. */
final class RandomJson {

  // Multi-byte text, a surrogate pair, lone surrogates, characters the writer escapes, and repeated plain keys.
  private static final String[] TEXT = {"a", "é", "€", "\uD83D\uDE00", "\uD800", "\uDC00", "\"", "\\", "/", "\n",
      "\u0001", "\u001f", "\t", "\b", "\f", "\r", " ", "\u007f", "\u2028", "id", "count", "rarity"};

  // One provider: JSON.create… looks it up (a ServiceLoader scan) on every call.
  static final JsonProvider JSON = JsonProvider.provider();

  private final Random random;

  RandomJson(long seed) {
    random = new Random(seed);
  }

  JsonObject object(int depth) {
    JsonObjectBuilder object = JSON.createObjectBuilder();
    // Now and then a wide object, which finds its keys through a hash index.
    int members = random.nextInt(12) == 0 ? 9 + random.nextInt(40) : random.nextInt(6);
    for (int i = members; i > 0; i--) {
      object.add(text(), value(depth - 1));
    }
    return object.build();
  }

  JsonValue value(int depth) {
    int kind = random.nextInt(depth > 0 ? 11 : 9);
    return switch (kind) {
      case 0 -> JSON.createValue(text());
      case 1 -> JSON.createValue(random.nextInt(3000) - 1000);
      case 2 -> JSON.createValue(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
      case 3 -> JSON.createValue(new BigDecimal(random.nextInt(1000)).scaleByPowerOfTen(random.nextInt(20) - 10));
      case 4 -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
      case 5 -> JsonValue.NULL;
      case 6 -> JSON.createValue(random.nextBoolean() ? Long.MAX_VALUE - random.nextInt(10) : random.nextLong());
      case 7 -> JSON.createValue(new BigDecimal(random.nextLong()).multiply(BigDecimal.valueOf(1000)));
      case 8 -> JSON.createValue("long text " + text() + "-".repeat(random.nextInt(60)));
      case 9 -> object(depth);
      default -> array(depth);
    };
  }

  private JsonValue array(int depth) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (int i = random.nextInt(6); i > 0; i--) {
      array.add(value(depth - 1));
    }
    return array.build();
  }

  String text() {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(4); i > 0; i--) {
      text.append(TEXT[random.nextInt(TEXT.length)]);
    }
    return text.toString();
  }
}
