package dev.datamanager.web.session;

import dev.datamanager.core.session.SessionTag;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Adds the {@code ETag} and {@code Preference-Applied} headers to a session PATCH answered by {@link MinimalReturn}. */
@Provider
public class MinimalReturnFilter implements ContainerResponseFilter {

  @Inject MinimalReturn minimal;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!"PATCH".equals(request.getMethod()) || response.getStatus() != 204) {
      return;
    }
    SessionTag tag = minimal.tag();
    if (tag != null) {
      response.getHeaders().putSingle("ETag", MinimalReturn.etag(tag));
      response.getHeaders().putSingle("Preference-Applied", "return=minimal");
    }
  }
}
