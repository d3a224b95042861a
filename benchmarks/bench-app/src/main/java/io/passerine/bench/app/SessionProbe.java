package io.passerine.bench.app;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.TreeMap;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Benchmark-only probes under {@code /api/probe/} (unprotected): {@code new-session} creates an empty HTTP session (the baseline of
 * the memory benchmark), {@code session-cache-writes} sums the JCache statistics (puts and removals, per cache) of
 * Liberty's session caches {@code com.ibm.ws.session.*} from the platform MBean server (the cluster benchmark; the
 * caches need statistics enabled, e.g. in hazelcast.xml).
 */
@Path("probe")
public class SessionProbe {

    @GET
    @Path("new-session")
    @Produces(MediaType.TEXT_PLAIN)
    public String newSession(@Context HttpServletRequest request) {
        request.getSession(true);
        return "ok\n";
    }

    @GET
    @Path("session-cache-writes")
    @Produces(MediaType.TEXT_PLAIN)
    public String sessionCacheWrites() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("javax.cache:type=CacheStatistics,*"), null);
        TreeMap<String, long[]> byCache = new TreeMap<>();
        for (ObjectName n : names) {
            String cache = n.getKeyProperty("Cache");
            if (cache != null && cache.contains("com.ibm.ws.session")) {
                long[] v = byCache.computeIfAbsent(cache, k -> new long[2]);
                v[0] += ((Number) server.getAttribute(n, "CachePuts")).longValue();
                v[1] += ((Number) server.getAttribute(n, "CacheRemovals")).longValue();
            }
        }
        StringBuilder out = new StringBuilder();
        byCache.forEach((cache, v) -> out.append(cache).append('\t').append(v[0]).append('\t').append(v[1]).append('\n'));
        return out.toString();
    }
}
