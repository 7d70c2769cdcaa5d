package camlab.kernel.magic.maven;

/**
 * One artifact: {@code group:artifact[:packaging[:classifier]]:version}, as {@code %maven} takes it (IJava's form).
 *
 * @param type the dependency type ({@code jar}, {@code pom}, {@code bundle}, {@code test-jar})
 * @param classifier "" for none
 */
public record Coordinates(String groupId, String artifactId, String version, String type, String classifier) {

  /** @throws IllegalArgumentException with the accepted forms */
  public static Coordinates parse(String text) {
    String[] p = text.strip().split(":", -1);
    for (String part : p) {
      if (part.isBlank()) throw new IllegalArgumentException(usage(text));
    }
    return switch (p.length) {
      case 2 -> new Coordinates(p[0], p[1], "", "jar", "");
      case 3 -> new Coordinates(p[0], p[1], p[2], "jar", "");
      case 4 -> new Coordinates(p[0], p[1], p[3], p[2], "");
      case 5 -> new Coordinates(p[0], p[1], p[4], p[2], p[3]);
      default -> throw new IllegalArgumentException(usage(text));
    };
  }

  private static String usage(String text) {
    return "'" + text + "' is not GROUP:ARTIFACT[:PACKAGING[:CLASSIFIER]]:VERSION, e.g. org.apache.commons:commons-lang3:3.14.0";
  }

  /** group:artifact, the key under which only one version is kept. */
  public String key() {
    return groupId + ":" + artifactId + (classifier.isEmpty() ? "" : ":" + classifier);
  }

  public Coordinates withVersion(String v) {
    return new Coordinates(groupId, artifactId, v, type, classifier);
  }

  /** The file name of its artifact: {@code name-1.0.jar}, {@code name-1.0-linux.jar}, {@code name-1.0-tests.jar}. */
  public String fileName() {
    String c = !classifier.isEmpty() ? "-" + classifier : type.equals("test-jar") ? "-tests" : "";
    return artifactId + "-" + version + c + ".jar";
  }

  /** Whether the artifact is a jar to put on the class path (a {@code pom} is not). */
  public boolean hasJar() {
    return !type.equals("pom");
  }

  @Override
  public String toString() {
    return groupId + ":" + artifactId + (type.equals("jar") && classifier.isEmpty() ? "" : ":" + type)
        + (classifier.isEmpty() ? "" : ":" + classifier) + (version.isEmpty() ? "" : ":" + version);
  }
}
