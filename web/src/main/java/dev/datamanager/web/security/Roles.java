package dev.datamanager.web.security;

/** The roles of the API; users are mapped to them in the EAR's {@code ibm-application-bnd.xml}. */
public final class Roles {

  /** A game server: joins, patches, saves and leaves sessions. */
  public static final String GAME_SERVER = "game-server";
  /** An operator: reads records and server info, and may do all a game server does. */
  public static final String ADMIN = "admin";
  /** Support staff: the admin reads (records, versions, users, audit, jobs), never a change. */
  public static final String SUPPORT = "support";

  private Roles() {}
}
