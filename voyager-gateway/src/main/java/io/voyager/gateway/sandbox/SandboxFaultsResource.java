package io.voyager.gateway.sandbox;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.voyager.gateway.problem.ProblemException;
import io.voyager.gateway.problem.ProblemType;
import io.voyager.gateway.processor.ProcessorId;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fault knob for load and canary tests (dev and test builds only):
 * {@code PUT /sandbox/faults/adyen {"latencyMs":120,"errorRate":0.01,"down":false}}.
 */
@UnlessBuildProfile("prod")
@Path("/sandbox/faults")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxFaultsResource {

    private final SandboxFaults faults;
    private final SandboxServers servers;

    SandboxFaultsResource(SandboxFaults faults, SandboxServers servers) {
        this.faults = faults;
        this.servers = servers;
    }

    @GET
    public Map<String, FaultSettings> all() {
        Map<String, FaultSettings> all = new LinkedHashMap<>();
        faults.all().forEach((id, settings) -> all.put(id.label(), settings));
        return all;
    }

    @PUT
    @Path("/{processor}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FaultSettings set(@PathParam("processor") String processor, FaultSettings settings) {
        ProcessorId id = ProcessorId.byLabel(processor)
                .orElseThrow(() -> ProblemException.of(
                        ProblemType.NOT_FOUND,
                        "No sandbox processor " + processor + "; use stripe, adyen or mercadopago"));
        if (settings == null || settings.invalidity() != null) {
            throw ProblemException.of(
                    ProblemType.BAD_REQUEST,
                    settings == null ? "Send {\"latencyMs\":..,\"errorRate\":..,\"down\":..}" : settings.invalidity());
        }
        faults.set(id, settings);
        servers.applyDown(id, settings.down());
        return settings;
    }

    @DELETE
    public Map<String, FaultSettings> reset() {
        faults.reset();
        faults.all().forEach((id, settings) -> servers.applyDown(id, settings.down()));
        return all();
    }
}
