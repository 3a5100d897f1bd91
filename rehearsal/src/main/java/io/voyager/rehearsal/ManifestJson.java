package io.voyager.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes Kubernetes YAML manifests as JSON for the rehearsal controller, which reads them with Go's
 * standard library: {@code ManifestJson in.yaml out.json [in2.yaml out2.json ...]}.
 */
public final class ManifestJson {

    private ManifestJson() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args.length % 2 != 0) {
            System.err.println("usage: ManifestJson IN.yaml OUT.json [IN.yaml OUT.json]...");
            System.exit(2);
        }
        for (int i = 0; i < args.length; i += 2) {
            Files.writeString(Path.of(args[i + 1]), toJson(Files.readString(Path.of(args[i]))));
        }
    }

    static String toJson(String yaml) throws IOException {
        JsonNode tree = new YAMLMapper().readTree(yaml);
        if (tree == null || !tree.isObject()) {
            throw new IOException("expected one YAML object");
        }
        return new ObjectMapper().writeValueAsString(tree);
    }
}
