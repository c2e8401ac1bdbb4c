package dev.datamanager.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The JAX-RS application: every resource lives under {@code /api/v1}. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info = @Info(
        title = "DataManager",
        version = "1",
        description = "Safe player data: session-locked records, fenced commits, RAM cache and autosave."))
public class DataManagerApplication extends Application {}
