package dev.datamanager.web.input;

import dev.datamanager.api.error.RequestTooLargeException;
import dev.datamanager.core.config.NodeSettings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Refuses request bodies over the document limit: by {@code Content-Length} before reading, and by counting while
 * reading, since a chunked body announces no length.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {

  @Inject NodeSettings settings;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > settings.documentMaxBytes()) {
      throw new RequestTooLargeException(settings.documentMaxBytes());
    }
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    context.setInputStream(new BoundedInputStream(context.getInputStream(), settings.documentMaxBytes()));
    return context.proceed();
  }
}
