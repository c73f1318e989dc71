package io.netroot.engine;

import io.netroot.catalog.ServiceAction;
import java.util.List;

/**
 * A service action a pass took, would take, or left alone.
 *
 * @param action what the service must do
 * @param causes the paths whose change called for it
 * @param status PLANNED (dry run), APPLIED, NOT_TOUCHED (root prefix) or FAILED
 * @param error why it failed, else null
 */
public record ServiceResult(
    ServiceAction action, List<String> causes, Status status, String error) {}
