package dev.datamanager.web.input;

import dev.datamanager.api.error.InvalidRequestException;
import dev.datamanager.api.job.JobRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Set;

/**
 * Reads a job start body, strictly like a patch body, and checks the syntax of each field: {@code kind} a string,
 * {@code dryRun} a boolean, {@code at} an RFC 3339 date-time, no field the API does not name. What a kind needs is
 * checked by the kind.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JobRequestReader implements MessageBodyReader<JobRequest> {

  private static final Set<String> FIELDS = Set.of("kind", "dryRun", "at", "patch", "where");
  private static final String SHAPE = " Send {\"kind\": \"restore\", \"at\": \"2026-11-25T20:00:00Z\"}, with"
      + " \"dryRun\": true to only list the records it would change.";

  @Override
  public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == JobRequest.class;
  }

  @Override
  public JobRequest readFrom(Class<JobRequest> type, Type genericType, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) {
    return of(PatchBodyReader.readOne(body));
  }

  /** The start request {@code body} describes; a 400 naming the first field that breaks the rules. */
  static JobRequest of(JsonValue body) {
    if (!(body instanceof JsonObject object)) {
      throw new InvalidRequestException("A job start is a JSON object." + SHAPE);
    }
    for (String field : object.keySet()) {
      if (!FIELDS.contains(field)) {
        throw new InvalidRequestException("A job start has no field \"" + field + "\"." + SHAPE);
      }
    }
    if (!(object.get("kind") instanceof JsonString kind)) {
      throw new InvalidRequestException("\"kind\" must be the job's kind as a string: restore." + SHAPE);
    }
    return new JobRequest(kind.getString(), dryRun(object.get("dryRun")), at(object.get("at")),
        object.get("patch"), object.get("where"));
  }

  private static boolean dryRun(JsonValue value) {
    if (value == null || value == JsonValue.FALSE) {
      return false;
    }
    if (value == JsonValue.TRUE) {
      return true;
    }
    throw new InvalidRequestException("\"dryRun\" must be true or false." + SHAPE);
  }

  private static Instant at(JsonValue value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonString text)) {
      throw new InvalidRequestException("\"at\" must be an RFC 3339 date-time string." + SHAPE);
    }
    return InstantRule.instant("at", text.getString());
  }
}
