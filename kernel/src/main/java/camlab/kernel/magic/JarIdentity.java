package camlab.kernel.magic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which Maven artifact a jar is: from its {@code META-INF/maven/.../pom.properties}, else from its file name. */
record JarIdentity(String groupId, String artifactId, String version) {
  /** {@code name-1.2.3.jar}, {@code name-1.2.3-classifier.jar}: the version starts at the first "-digit". */
  private static final Pattern FILE = Pattern.compile("(.+?)-(\\d[^-]*(?:-(?:SNAPSHOT|alpha\\w*|beta\\w*|rc\\w*|M\\d+))?)(?:-[\\w.-]+)?\\.jar");

  /** The jar's identity; the group is "" when only the file name tells. Empty for a name without a version. */
  static Optional<JarIdentity> of(Path jar) {
    Optional<JarIdentity> described = described(jar);
    return described.isPresent() ? described : fromName(jar);
  }

  /** The identity the file name tells (no group), without opening the jar. */
  static Optional<JarIdentity> fromName(Path jar) {
    if (jar.getFileName() == null) return Optional.empty();
    Matcher m = FILE.matcher(jar.getFileName().toString());
    return m.matches() ? Optional.of(new JarIdentity("", m.group(1), m.group(2))) : Optional.empty();
  }

  /** True if the jar describes itself as {@code group:artifact}, or does not describe itself at all. */
  static boolean sameGroup(Path jar, String groupId, String artifactId) {
    return described(jar).map(id -> id.groupId.equals(groupId) && id.artifactId.equals(artifactId)).orElse(true);
  }

  private static Optional<JarIdentity> described(Path jar) {
    try (JarFile jf = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = jf.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        String n = e.getName();
        if (!n.startsWith("META-INF/maven/") || !n.endsWith("/pom.properties")) continue;
        Properties p = new Properties();
        try (var in = jf.getInputStream(e)) {
          p.load(in);
        }
        String g = p.getProperty("groupId");
        String a = p.getProperty("artifactId");
        String v = p.getProperty("version");
        if (g != null && a != null && v != null) return Optional.of(new JarIdentity(g, a, v));
      }
    } catch (IOException | RuntimeException unreadable) {
      // a folder or a damaged jar: fall back to the name
    }
    return Optional.empty();
  }

  /** group:artifact, or just the artifact when the group is unknown. */
  String key() {
    return groupId.isEmpty() ? artifactId : groupId + ":" + artifactId;
  }
}
