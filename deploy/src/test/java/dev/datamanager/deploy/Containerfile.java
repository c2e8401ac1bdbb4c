package dev.datamanager.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Containerfile read as the engines read it: comment lines dropped, continued lines joined, one instruction each. */
final class Containerfile {

  private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One instruction: its keyword in capitals, its arguments as written (options included), its first line. */
  record Instruction(String keyword, String arguments, int line) {

    /** The leading options ({@code --chown=1001:0}) by name; an option without a value maps to "". */
    Map<String, String> options() {
      Map<String, String> options = new LinkedHashMap<>();
      for (String word : arguments.strip().split("\\s+")) {
        if (!word.startsWith("--")) {
          break;
        }
        String[] nameAndValue = word.substring(2).split("=", 2);
        options.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
      }
      return options;
    }

    /** The arguments after the options, as words: the exec form's array items, or the shell form split at blanks. */
    List<String> words() {
      String rest = arguments.strip();
      while (rest.startsWith("--")) {
        int blank = rest.indexOf(' ');
        rest = blank < 0 ? "" : rest.substring(blank).strip();
      }
      if (rest.startsWith("[")) {
        List<String> items = new ArrayList<>();
        Matcher item = JSON_STRING.matcher(rest);
        while (item.find()) {
          items.add(item.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return items;
      }
      return rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\s+"));
    }

    /** Whether this is a RUN that calls the named script, by its name alone or by a path. */
    boolean runs(String script) {
      return keyword.equals("RUN") && words().stream().anyMatch(w -> w.equals(script) || w.endsWith("/" + script));
    }

    @Override
    public String toString() {
      return "line " + line + ": " + keyword + " " + arguments;
    }
  }

  private final List<Instruction> instructions;

  private Containerfile(List<Instruction> instructions) {
    this.instructions = List.copyOf(instructions);
  }

  static Containerfile read(Path file) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    int start = 0;
    String[] lines = Checkout.read(file).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      // The engines drop comment lines, also in the middle of an instruction continued over several lines.
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      if (pending.isEmpty()) {
        start = i + 1;
      }
      boolean continued = line.endsWith("\\");
      pending.append(continued ? line.substring(0, line.length() - 1) : line).append(' ');
      if (!continued) {
        String text = pending.toString().strip();
        String[] parts = text.split("\\s+", 2);
        instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "", start));
        pending.setLength(0);
      }
    }
    return new Containerfile(instructions);
  }

  /** The instructions of the stage that makes the image: from the last FROM on. */
  List<Instruction> finalStage() {
    int from = -1;
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).keyword().equals("FROM")) {
        from = i;
      }
    }
    return from < 0 ? List.of() : instructions.subList(from, instructions.size());
  }

  /** The COPY instructions of the final stage that take files from the build context (not from another stage). */
  List<Instruction> copies() {
    return finalStage().stream().filter(i -> i.keyword().equals("COPY") && !i.options().containsKey("from")).toList();
  }

  /** Where a file of the checkout lands in the image, by the last COPY that takes it; null when none does. */
  String imagePath(String checkoutFile) {
    String landed = null;
    for (Instruction copy : copies()) {
      List<String> words = copy.words();
      String destination = words.get(words.size() - 1);
      for (String source : words.subList(0, words.size() - 1)) {
        String from = plain(source);
        if (checkoutFile.equals(from)) {
          landed = destination.endsWith("/") ? destination + Path.of(from).getFileName() : destination;
        } else if (checkoutFile.startsWith(from + "/")) {
          landed = plain(destination) + checkoutFile.substring(from.length());
        }
      }
    }
    return landed;
  }

  /** The position in the final stage of the last COPY that takes a file of the checkout, or -1. */
  int lastCopyOf(String checkoutFile) {
    List<Instruction> stage = finalStage();
    int found = -1;
    for (int i = 0; i < stage.size(); i++) {
      List<String> words = stage.get(i).words();
      if (stage.get(i).keyword().equals("COPY") && words.subList(0, words.size() - 1).stream().map(Containerfile::plain)
          .anyMatch(from -> checkoutFile.equals(from) || checkoutFile.startsWith(from + "/"))) {
        found = i;
      }
    }
    return found;
  }

  /** The position in the final stage of the first RUN of a script, or -1. */
  int firstRunOf(String script) {
    List<Instruction> stage = finalStage();
    for (int i = 0; i < stage.size(); i++) {
      if (stage.get(i).runs(script)) {
        return i;
      }
    }
    return -1;
  }

  /** A path as the engines compare it: no leading "./", no trailing "/". */
  static String plain(String path) {
    String plain = path.startsWith("./") ? path.substring(2) : path;
    return plain.endsWith("/") && plain.length() > 1 ? plain.substring(0, plain.length() - 1) : plain;
  }

  /** The ARG defaults declared before the first FROM: the only variables a FROM line can use. */
  Map<String, String> globalArgs() {
    Map<String, String> args = new LinkedHashMap<>();
    for (Instruction instruction : instructions) {
      if (instruction.keyword().equals("FROM")) {
        break;
      }
      if (instruction.keyword().equals("ARG")) {
        String[] nameAndDefault = instruction.arguments().strip().split("=", 2);
        args.put(nameAndDefault[0], nameAndDefault.length > 1 ? unquote(nameAndDefault[1]) : "");
      }
    }
    return args;
  }

  /** The ENV values the final stage sets (KEY=value pairs, or the older KEY value form). */
  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    for (Instruction instruction : finalStage()) {
      if (!instruction.keyword().equals("ENV")) {
        continue;
      }
      List<String> words = instruction.words();
      if (!words.get(0).contains("=")) {
        env.put(words.get(0), unquote(String.join(" ", words.subList(1, words.size()))));
        continue;
      }
      for (String pair : words) {
        String[] keyAndValue = pair.split("=", 2);
        env.put(keyAndValue[0], unquote(keyAndValue[1]));
      }
    }
    return env;
  }

  private static String unquote(String value) {
    boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
        || value.startsWith("'") && value.endsWith("'"));
    return quoted ? value.substring(1, value.length() - 1) : value;
  }
}
