package org.luxnet.scene.parse;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.SceneDescription;

/** Scene files held in memory, resolved like the file system: what the server's file bundle does. */
final class MemoryResources implements SceneResources {
    private final Map<String, byte[]> files = new HashMap<>();

    MemoryResources add(String name, String text) {
        return add(name, text.getBytes(StandardCharsets.UTF_8));
    }

    MemoryResources add(String name, byte[] bytes) {
        files.put(name, bytes);
        return this;
    }

    @Override
    public Resource open(String includingFile, String path, FileLoc loc) {
        String name = FileSystemResources.resolveName(includingFile, path, loc);
        byte[] b = files.get(name);
        if (b == null) {
            throw new SceneException(loc, "cannot read '" + path + "' (resolved to " + name + "): no such file");
        }
        return new Resource(name, b);
    }

    /** Parses "scene.lxs" with these files. */
    SceneDescription parse() {
        return SceneParser.parse("scene.lxs", this);
    }

    /** Parses {@code text} as "scene.lxs". */
    static SceneDescription parse(String text) {
        return new MemoryResources().add("scene.lxs", text).parse();
    }
}
