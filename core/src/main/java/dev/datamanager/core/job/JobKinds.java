package dev.datamanager.core.job;

import dev.datamanager.api.error.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The kinds of job this node can run, by name. */
@ApplicationScoped
public class JobKinds {

  @Inject @Any Instance<JobKind> kinds;

  /**
   * The kind named {@code name}.
   *
   * @throws InvalidRequestException for a kind this node does not run
   */
  public JobKind of(String name) {
    return find(name).orElseThrow(() -> new InvalidRequestException(
        "There is no job kind \"" + name + "\"; this node runs " + names() + "."));
  }

  public Optional<JobKind> find(String name) {
    return kinds.stream().filter(kind -> kind.name().equals(name)).findFirst();
  }

  /** The names of the kinds this node runs; it claims only jobs of these. */
  public Set<String> names() {
    Set<String> names = new TreeSet<>();
    kinds.forEach(kind -> names.add(kind.name()));
    return names;
  }
}
