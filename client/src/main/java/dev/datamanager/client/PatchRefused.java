package dev.datamanager.client;

/**
 * {@code 422}: a patch cannot be applied ({@code invalid-patch}: a failed {@code test}, a missing target, a broken
 * template type; {@code patch-failed}: one side of a trade, named by {@link #key()}). Nothing changed.
 */
public class PatchRefused extends DataManagerProblem {

  private static final long serialVersionUID = 1L;

  PatchRefused(Problem problem) {
    super(problem);
  }
}
