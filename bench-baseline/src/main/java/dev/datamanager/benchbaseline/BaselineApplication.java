package dev.datamanager.benchbaseline;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application of the baselines, at the root of the WAR's context ({@code /bench-baseline}). */
@ApplicationPath("/")
@DeclareRoles(ConstantText.GAME_SERVER)
public class BaselineApplication extends Application {}
