package io.quarkiverse.pipelinedeployment.runtime.security;

import java.util.List;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Puts the API keys in front of the {@code OPTIONS} answers that RESTEasy Reactive gives by itself for a guarded
 * native JAX-RS endpoint. A request goes to the guard when its path, normalized, without matrix parameters and with
 * repeated slashes collapsed, is a mount path or below one: at least every path RESTEasy Reactive would match to the
 * resource class.
 */
final class OptionsGuard implements Handler<RoutingContext> {

    private final String[] mounts;
    private final Handler<RoutingContext> guard;

    OptionsGuard(List<String> mountPaths, Handler<RoutingContext> guard) {
        this.mounts = new String[mountPaths.size()];
        for (int i = 0; i < mounts.length; i++) {
            String mount = mountPaths.get(i);
            mounts[i] = mount.endsWith("/") ? mount.substring(0, mount.length() - 1) : mount;
        }
        this.guard = guard;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = canonical(ctx.normalizedPath());
        for (String mount : mounts) {
            if (mount.isEmpty() || path.equals(mount) || path.startsWith(mount) && path.charAt(mount.length()) == '/') {
                guard.handle(ctx);
                return;
            }
        }
        ctx.next();
    }

    /** The path without matrix parameters ({@code ;a=b} up to the next {@code /}) and with single slashes. */
    static String canonical(String path) {
        StringBuilder out = new StringBuilder(path.length());
        boolean matrix = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/') {
                matrix = false;
                if (out.length() == 0 || out.charAt(out.length() - 1) != '/') {
                    out.append(c);
                }
            } else if (c == ';') {
                matrix = true;
            } else if (!matrix) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
